// POST /api/messages: the Bot Framework endpoint. In this order: the token (401), the body's size and
// type (413, 415, 400), the activity's shape (400 naming the field), then the turn. The route
// answers every failure itself through the one error hook, so no botbuilder error text reaches a
// response body and nothing is written to the console past the redacting logger (botbuilder's own
// CloudAdapter.process would do both; see bot/adapter.ts).
import express, { Router, type RequestHandler } from 'express';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../../graph/index.js';
import { activityProblem, claimedOrigin } from './activityShape.js';
import { HttpError } from './httpError.js';
import { requestIdOf } from './requestId.js';

export type InboundAuthentication = { readonly ok: true; readonly identity: unknown } | { readonly ok: false; readonly reason: string };

/** The slice of bot/'s CallDoctorAdapter the route needs. */
export interface BotHttpAdapter {
  /** Checks the Authorization header against the activity's claimed channel and serviceUrl. */
  authenticateInbound(authorization: string, origin: { channelId?: string; serviceUrl?: string }): Promise<InboundAuthentication>;
  /** Runs the turn; resolves to the status and body to answer (invoke and expectReplies), or undefined for 200. */
  processAuthenticated(identity: unknown, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<{ status: number; body?: unknown } | undefined>;
}

export interface BotRunner {
  run(context: TurnContext): Promise<boolean>;
}

// Teams activities are small (a message is capped at about 28 KB), so a generous but bounded limit.
export const ACTIVITY_BODY_LIMIT = '256kb';

const IDENTITY = 'botIdentity';

export function botRoute(bot: { adapter: BotHttpAdapter; app: BotRunner }, logger: Logger): Router {
  const router = Router();
  const refuse = (reason: string, res: Parameters<RequestHandler>[1]): HttpError => {
    // botbuilder's reason (e.g. "The token has expired") is for the operator, never for the caller.
    logger.warn({ requestId: requestIdOf(res), reason }, 'bot request refused: no valid Bot Connector token');
    return new HttpError(401, 'unauthorized', 'This endpoint accepts only activities sent by the Bot Connector with a valid token.');
  };
  const authorizationOf = (req: Parameters<RequestHandler>[0]): string => (typeof req.headers.authorization === 'string' ? req.headers.authorization : '');

  router.post(
    '/api/messages',
    // A request without any token is refused before its body is read, when the bot requires one.
    async (req, res, next) => {
      if (authorizationOf(req).trim() !== '') return next();
      const outcome = await bot.adapter.authenticateInbound('', {});
      if (!outcome.ok) return next(refuse(outcome.reason, res));
      res.locals[IDENTITY] = outcome.identity;
      next();
    },
    (req, _res, next) => {
      if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'Send the activity as application/json.');
      next();
    },
    // strict: false so a JSON string or number gets the precise 'not an activity' answer below.
    express.json({ limit: ACTIVITY_BODY_LIMIT, strict: false }),
    // A channel token names the serviceUrl it was issued for, so it is checked against the body's.
    async (req, res, next) => {
      if (res.locals[IDENTITY] !== undefined) return next();
      const outcome = await bot.adapter.authenticateInbound(authorizationOf(req), claimedOrigin(req.body));
      if (!outcome.ok) return next(refuse(outcome.reason, res));
      res.locals[IDENTITY] = outcome.identity;
      next();
    },
    (req, _res, next) => {
      const problem = activityProblem(req.body);
      if (problem) throw new HttpError(400, 'invalid_activity', problem);
      next();
    },
    async (req, res) => {
      const answer = await bot.adapter.processAuthenticated(res.locals[IDENTITY], req.body as Activity, async (context) => {
        await bot.app.run(context);
      });
      res.status(answer?.status ?? 200);
      if (answer?.body === undefined) res.end();
      else res.json(answer.body);
    },
  );
  // Anything but POST is a mistake worth naming (the Playground probes with HEAD).
  router.all('/api/messages', (_req, res) => {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, 'method_not_allowed', 'The bot endpoint accepts POST only.');
  });
  return router;
}
