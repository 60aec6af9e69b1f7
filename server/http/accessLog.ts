import type { RequestHandler } from 'express';
import type { Logger } from '../../graph/index.js';
import { requestIdOf } from './requestId.js';

/**
 * One line per request: method, route path, status, duration. Deliberately no query string (Graph
 * webhooks carry validation tokens there), no client address and no body: those are personal data.
 */
export function accessLog(logger: Logger, elapsedMs: () => number): RequestHandler {
  return (req, res, next) => {
    const started = elapsedMs();
    res.on('finish', () => {
      logger.info(
        { requestId: requestIdOf(res), method: req.method, path: req.path, status: res.statusCode, durationMs: Math.round(elapsedMs() - started) },
        'request served',
      );
    });
    next();
  };
}
