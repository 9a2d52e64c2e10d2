import type { RequestHandler } from 'express';
import { validationError } from './errors';
import type { Actor } from './store/types';

/**
 * Who a write comes from. Without headers a call is the app's own token (`INTEGRATION`, sourceId =
 * app id). `X-Sandbox-Act-As: userId:123` (+ optional `X-Sandbox-Change-Source`) makes it look like
 * a user's edit in HubSpot (CRM_UI by default), for history and webhooks alike.
 */

export const ACT_AS_HEADER = 'x-sandbox-act-as';
export const CHANGE_SOURCE_HEADER = 'x-sandbox-change-source';

export const USER_CHANGE_SOURCES = [
  'CRM_UI',
  'CRM_UI_BULK_ACTION',
  'IMPORT',
  'AUTOMATION_PLATFORM',
  'API',
  'MOBILE_IOS',
  'MOBILE_ANDROID',
  'SALES',
  'INTEGRATION',
] as const;

export type ActAs = string | { userId: number; changeSource?: string };

export function appActor(appId: string): Actor {
  return { sourceType: 'INTEGRATION', sourceId: appId, changeSource: 'INTEGRATION' };
}

/** `userId:123` or `123` (or `{userId}`) → a user actor; `changeSource` defaults to CRM_UI. */
export function userActor(actAs: ActAs, changeSource?: string): Actor {
  const raw = typeof actAs === 'string' ? actAs.trim() : `userId:${actAs.userId}`;
  const source = (typeof actAs === 'string' ? changeSource : (actAs.changeSource ?? changeSource))?.trim().toUpperCase() || 'CRM_UI';
  const match = /^(?:userId:)?(\d+)$/i.exec(raw);
  if (!match?.[1]) throw validationError(`${ACT_AS_HEADER} must look like "userId:123", got "${raw}".`);
  if (!(USER_CHANGE_SOURCES as readonly string[]).includes(source)) {
    throw validationError(`${CHANGE_SOURCE_HEADER} must be one of ${USER_CHANGE_SOURCES.join(', ')}, got "${source}".`);
  }
  const userId = Number(match[1]);
  return { sourceType: source, sourceId: `userId:${userId}`, changeSource: source, updatedByUserId: userId };
}

export function resolveActor(appId: string, actAs: ActAs | undefined, changeSource?: string): Actor {
  return actAs === undefined ? appActor(appId) : userActor(actAs, changeSource);
}

export function actAsMiddleware(appId: string): RequestHandler {
  return (req, res, next) => {
    const actAs = req.get(ACT_AS_HEADER);
    res.locals['actor'] = resolveActor(appId, actAs || undefined, req.get(CHANGE_SOURCE_HEADER));
    next();
  };
}
