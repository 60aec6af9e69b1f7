// Graph's change-notification webhooks (graph-callrecords.md §7): POST /api/notifications and
// /api/notifications/lifecycle. In this order: the validation handshake (echo validationToken as
// text/plain); the body (JSON, at most NOTIFICATION_BODY_LIMIT, a `value` array of objects, else
// 400 naming what is wrong, or 413); clientState on every item (a wrong one is dropped and logged
// without its value); only the record id taken from `resource`; then the ids are enqueued durably
// and only then 202. Nothing slow happens before the answer: Graph allows 3 seconds.
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from '../../graph/index.js';
import type { AlertWork } from '../alerts/ports.js';
import { HttpError } from './httpError.js';
import { requestIdOf } from './requestId.js';

/** Graph batches notifications; a batch of a few hundred is well under this. */
export const NOTIFICATION_BODY_LIMIT = '1mb';

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export interface LifecycleNotification {
  readonly event: LifecycleEvent;
  readonly subscriptionId: string;
}

export interface NotificationRouteDependencies {
  readonly clientState: string;
  /** Our tenant: notifications naming another are dropped like a wrong clientState. */
  readonly tenantId: string;
  /** Resolves once the work is durable. */
  readonly enqueue: (work: readonly AlertWork[]) => Promise<void>;
  /** Notifications are flowing (gap detection); must not block the answer. */
  readonly received: (at: Date) => void;
  /** Hands lifecycle events to the subscription manager, which acts on them in the background. */
  readonly lifecycle: (events: readonly LifecycleNotification[]) => void;
  readonly now: () => Date;
  readonly logger: Logger;
}

const LIFECYCLE_EVENTS: readonly LifecycleEvent[] = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'];
// communications/callRecords/{id}, with or without a leading slash, or the OData key form callRecords('{id}').
const RESOURCE = /^\/?communications\/callRecords(?:\/([A-Za-z0-9-]{1,128})|\('([A-Za-z0-9-]{1,128})'\))$/i;

type Item = Readonly<Record<string, unknown>>;

export function notificationsRoute(deps: NotificationRouteDependencies): Router {
  const logger = deps.logger.child({ component: 'notifications' });
  const expected = digest(deps.clientState);
  const router = Router();
  const body = express.json({ limit: NOTIFICATION_BODY_LIMIT, strict: false, type: () => true });

  /** Items with our clientState and tenant; the others are dropped and counted, never echoed. */
  const trusted = (items: readonly Item[], res: Response, kind: string): Item[] => {
    const kept = items.filter((item) => typeof item.clientState === 'string' && timingSafeEqual(digest(item.clientState), expected) && sameTenant(item.tenantId, deps.tenantId));
    if (kept.length < items.length) logger.warn({ requestId: requestIdOf(res), kind, dropped: items.length - kept.length }, 'notifications dropped: clientState or tenant did not match');
    return kept;
  };

  router.post('/api/notifications', handshake, body, async (req, res) => {
    const items = valueOf(req.body);
    const at = deps.now();
    const work: AlertWork[] = [];
    items.forEach((item, index) => {
      if (typeof item.resource !== 'string') throw invalid(`value[${index}].resource must be a string`);
    });
    for (const item of trusted(items, res, 'change')) {
      const match = RESOURCE.exec(item.resource as string);
      if (!match) throw invalid('a notification resource is not communications/callRecords/{id}');
      const changeType = item.changeType === 'updated' ? 'updated' : 'created';
      work.push({ callId: (match[1] ?? match[2])!.toLowerCase(), changeType, tenantId: deps.tenantId, receivedAt: at, source: 'notification' });
    }
    if (work.length > 0) {
      await deps.enqueue(work);
      deps.received(at);
    }
    res.status(202).end();
  });

  router.post('/api/notifications/lifecycle', handshake, body, (req, res) => {
    const items = valueOf(req.body);
    items.forEach((item, index) => {
      if (typeof item.lifecycleEvent !== 'string') throw invalid(`value[${index}].lifecycleEvent must be a string`);
    });
    const events: LifecycleNotification[] = [];
    for (const item of trusted(items, res, 'lifecycle')) {
      const event = LIFECYCLE_EVENTS.find((e) => e === item.lifecycleEvent);
      // Graph may add events; an unknown one is acknowledged and logged, not refused (it would be redelivered for hours).
      if (event === undefined) logger.warn({ lifecycleEvent: String(item.lifecycleEvent).slice(0, 40) }, 'unknown lifecycle event ignored');
      else events.push({ event, subscriptionId: typeof item.subscriptionId === 'string' ? item.subscriptionId : '' });
    }
    if (events.length > 0) deps.lifecycle(events);
    res.status(202).end();
  });

  return router;
}

/** Graph's validation request: POST with ?validationToken=...; answer 200 text/plain with the token within 10 s. */
function handshake(req: Request, res: Response, next: () => void): void {
  const token = req.query.validationToken;
  if (token === undefined) return next();
  if (typeof token !== 'string' || token.length > 1024) throw invalid('validationToken must be one string of at most 1024 characters');
  res.status(200).type('text/plain; charset=utf-8').send(token);
}

function valueOf(body: unknown): Item[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('the body must be a JSON object with a "value" array');
  const value = (body as Item).value;
  if (!Array.isArray(value)) throw invalid('the body must have a "value" array of notifications');
  value.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`value[${index}] must be an object`);
  });
  return value as Item[];
}

function sameTenant(claimed: unknown, ours: string): boolean {
  // Graph always sends tenantId; an item without one is judged by its clientState alone.
  return claimed === undefined || (typeof claimed === 'string' && claimed.toLowerCase() === ours.toLowerCase());
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function invalid(problem: string): HttpError {
  return new HttpError(400, 'invalid_notification', `Not a change notification: ${problem}.`);
}
