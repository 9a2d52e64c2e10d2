import type { Response } from 'express';
import type { SandboxClock } from './clock';
import { actorOf } from './http';
import type { WriteContext } from './store/records';
import type { SandboxStore } from './store/store';

/** What every route module needs. */
export interface RouteContext {
  store: SandboxStore;
  clock: SandboxClock;
}

/** A write made through the HTTP API: the request's actor, the sandbox clock, webhooks on. */
export function httpWrite(ctx: RouteContext, res: Response): WriteContext {
  return { actor: actorOf(res), at: ctx.clock.now(), emitWebhooks: true };
}
