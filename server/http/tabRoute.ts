// Serves the tab's vite build at /tab/ (hash routes, so one index.html). Hashed assets are cached
// for a year; index.html never, so a new build is picked up at once. Teams frames the tab, so
// frame-ancestors allows Teams' hosts (and Outlook / Microsoft 365, which host Teams tabs too).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { HttpError } from './httpError.js';

export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

export interface TabRouteOptions {
  /** The vite build output (dist/tab). */
  readonly distDir: string;
}

export function tabRoute({ distDir }: TabRouteOptions): Router {
  const router = Router();
  const csp = `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`;
  router.use('/tab', (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!existsSync(join(distDir, 'index.html'))) {
      next(new HttpError(503, 'tab_not_built', 'The tab is not built yet: run `npm run build` (demo mode builds it at start).'));
      return;
    }
    // "/tab" without the slash would resolve the page's relative URLs against "/".
    if (req.originalUrl === '/tab' || req.originalUrl.startsWith('/tab?')) {
      res.redirect(301, `/tab/${req.originalUrl.slice(4)}`);
      return;
    }
    next();
  });
  router.use(
    '/tab',
    express.static(distDir, {
      index: 'index.html',
      fallthrough: true,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    }),
  );
  return router;
}
