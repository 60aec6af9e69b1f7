// GET /api/me/phone: the caller's own phone calls and texts, as JSON or (format=csv) CSV.
import express, { type Router } from 'express';
import { badRequest } from '../apiError.js';
import { callerOf } from '../auth/requireUser.js';
import type { PhoneCallItem, SmsItem } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import { sendCsv, toCsv, type CsvColumn } from '../phone/csv.js';
import { myPhoneView, PHONE_DAYS } from '../phone/myPhoneView.js';

const CALL_COLUMNS: readonly CsvColumn<PhoneCallItem>[] = [
  { header: 'start', value: (c) => c.start, verbatim: true },
  { header: 'route', value: (c) => c.route },
  { header: 'direction', value: (c) => c.direction },
  { header: 'outcome', value: (c) => c.outcome },
  { header: 'otherParty', value: (c) => c.otherParty, verbatim: true },
  { header: 'durationSeconds', value: (c) => c.durationSeconds },
  { header: 'summary', value: (c) => c.summary },
];

const SMS_COLUMNS: readonly CsvColumn<SmsItem>[] = [
  { header: 'sent', value: (s) => s.sent, verbatim: true },
  { header: 'direction', value: (s) => s.direction },
  { header: 'status', value: (s) => s.status },
  { header: 'otherParty', value: (s) => s.otherParty, verbatim: true },
  { header: 'summary', value: (s) => s.summary },
];

export function phoneRoutes(deps: TabApiDependencies): Router {
  const router = express.Router();
  router.get('/me/phone', async (req, res) => {
    const days = req.query.days === undefined ? 7 : Number(req.query.days);
    if (!(PHONE_DAYS as readonly number[]).includes(days)) throw badRequest(`days must be one of ${PHONE_DAYS.join(', ')}.`);
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw badRequest('format must be json or csv.');
    const list = req.query.list ?? 'calls';
    if (list !== 'calls' && list !== 'sms') throw badRequest('list must be calls or sms.');
    const view = await myPhoneView(deps, callerOf(res).userId, days);
    if (format === 'json') {
      res.json(view);
      return;
    }
    if (list === 'calls') sendCsv(res, `phone-calls-${days}d`, toCsv(CALL_COLUMNS, view.calls));
    else sendCsv(res, `texts-${days}d`, toCsv(SMS_COLUMNS, view.sms));
  });
  return router;
}
