// The personal "Phone" view: the caller's own PSTN and Direct Routing calls and texts, each with
// the explanation the bot gives (diagnosis/phone), numbers masked.
import { explainDirectRoutingCall, explainPstnCall, explainSms, SMS_STATUS_WORDS, type PhoneCallExplanation } from '../../../diagnosis/index.js';
import { tookPartIn } from './ownRows.js';
import type { MyPhoneResponse, PhoneCallItem, SmsItem } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';

export const PHONE_DAYS = [7, 30] as const;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export async function myPhoneView(deps: TabApiDependencies, userId: string, days: number): Promise<MyPhoneResponse> {
  // Ends on the minute so repeated loads ask graph/ for the same (cached) windows.
  const to = Math.floor(deps.now().getTime() / MINUTE_MS) * MINUTE_MS;
  const range = { from: new Date(to - days * DAY_MS), to: new Date(to) };
  const query = { userId, priority: 'interactive' as const };
  const [pstn, directRouting, sms] = await Promise.allSettled([deps.calls.pstnCalls(range, query), deps.calls.directRoutingCalls(range, query), deps.calls.smsLog(range, query)]);
  if (pstn.status === 'rejected' && directRouting.status === 'rejected' && sms.status === 'rejected') throw pstn.reason;
  const calls: PhoneCallItem[] = [
    ...(pstn.status === 'fulfilled' ? tookPartIn(pstn.value, userId).map((row) => item('pstn', row.startDateTime, explainPstnCall(row))) : []),
    ...(directRouting.status === 'fulfilled' ? tookPartIn(directRouting.value, userId).map((row) => item('directRouting', row.startDateTime ?? row.inviteDateTime, explainDirectRoutingCall(row))) : []),
  ].sort((a, b) => Date.parse(b.start ?? '') - Date.parse(a.start ?? ''));
  const texts: SmsItem[] = (sms.status === 'fulfilled' ? tookPartIn(sms.value, userId) : [])
    .map((row) => {
      const e = explainSms(row);
      return { id: e.id, sent: row.sentDateTime ?? null, status: e.status, statusLabel: SMS_STATUS_WORDS[e.status], direction: e.direction, otherParty: e.otherParty, summary: e.summary, advice: e.advice };
    })
    .sort((a, b) => Date.parse(b.sent ?? '') - Date.parse(a.sent ?? ''));
  const unavailable = (
    [
      ['pstn', pstn],
      ['directRouting', directRouting],
      ['sms', sms],
    ] as const
  )
    .filter(([, r]) => r.status === 'rejected')
    .map(([name]) => name);
  return { days, calls, sms: texts, unavailable };
}

function item(route: PhoneCallItem['route'], start: string | null | undefined, e: PhoneCallExplanation): PhoneCallItem {
  return { id: e.id, route, start: start ?? null, outcome: e.outcome, direction: e.direction, otherParty: e.otherParty, durationSeconds: e.durationSeconds, summary: e.summary, advice: e.advice, details: e.details };
}
