// POST /api/messages: the Bot Framework endpoint. botbuilder authenticates the request (401 without
// a valid Bot Connector token when the bot has an app id); this route only makes sure what
// reaches it is a JSON activity botbuilder can process, so bad input gets a clear 4xx naming the
// field instead of an adapter crash.
import express, { Router, type Request, type Response } from 'express';
import type { TurnContext } from 'botbuilder';
import { activityProblem } from './activityShape.js';
import { HttpError } from './httpError.js';

/** The slice of teams-ai's TeamsAdapter the route needs; it must receive an express response. */
export interface BotHttpAdapter {
  process(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface BotRunner {
  run(context: TurnContext): Promise<boolean>;
}

// Teams activities are small (a message is capped at about 28 KB), so a generous but bounded limit.
export const ACTIVITY_BODY_LIMIT = '256kb';

export function botRoute(bot: { adapter: BotHttpAdapter; app: BotRunner }): Router {
  const router = Router();
  router.post(
    '/api/messages',
    (req, _res, next) => {
      if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'Send the activity as application/json.');
      next();
    },
    // strict: false so a JSON string or number gets the precise 'not an activity' answer below.
    express.json({ limit: ACTIVITY_BODY_LIMIT, strict: false }),
    (req, _res, next) => {
      const problem = activityProblem(req.body);
      if (problem) throw new HttpError(400, 'invalid_activity', problem);
      next();
    },
    // Known limitation, no hook to fix it: botbuilder 4.23's CloudAdapter.process writes every
    // failure it answers itself straight to console.error, past the redacting logger: the
    // AuthenticationError of a 401 (message and stack, no token), and a RestError when the Bot
    // Connector refuses a reply (URL with the conversation id; the SDK's sanitizer already shows
    // headers as REDACTED); that 500's body is the raw error message. The adapter takes no logger and
    // the method that would let us answer ourselves (processActivity) is protected. Bot turn errors
    // go through onTurnError and our logger; see server/README.md.
    async (req, res) => {
      await bot.adapter.process(req, res, async (context) => {
        await bot.app.run(context);
      });
    },
  );
  // Anything but POST is a mistake worth naming (the Playground probes with HEAD).
  router.all('/api/messages', (_req, res) => {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, 'method_not_allowed', 'The bot endpoint accepts POST only.');
  });
  return router;
}
