// Demo mode's sign-in helpers: the emulator's users and a token for one of them. In production
// these routes do not exist (404, like any unknown route).
import express, { type Router } from 'express';
import { badRequest, notFound } from '../apiError.js';
import type { DemoTokenResponse, DemoUsersResponse } from '../contract.js';
import type { DemoSignIn } from '../ports.js';

export function demoRoutes(demo: DemoSignIn | undefined): Router {
  const router = express.Router();
  router.use('/demo', (_req, _res, next) => next(demo ? undefined : notFound('Demo sign-in exists in demo mode only.')));

  router.get('/demo/users', async (_req, res) => {
    const body: DemoUsersResponse = { users: await demo!.users() };
    res.json(body);
  });

  router.post('/demo/token', express.json({ limit: '4kb' }), async (req, res) => {
    const user = (req.body as { user?: unknown } | undefined)?.user;
    if (typeof user !== 'string' || user.length === 0 || user.length > 200) throw badRequest('Send {"user": "<object id or UPN>"}.');
    const issued = await demo!.token(user);
    if (!issued) throw notFound('There is no demo user with that object id or UPN.');
    const body: DemoTokenResponse = issued;
    res.json(body);
  });

  return router;
}
