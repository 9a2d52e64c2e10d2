import type { RequestHandler } from 'express';
import { unauthorized } from './errors';

/** Every API call needs `Authorization: Bearer <the configured private app token>`. */
export function bearerAuth(accessToken: () => string): RequestHandler {
  return (req, _res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (match?.[1] !== accessToken()) {
      next(unauthorized());
      return;
    }
    next();
  };
}
