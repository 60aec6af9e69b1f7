// The demo user's recent history, told by the bot in demo mode:
// - the last call (minutes ago, with Megan) dropped mid-call after the demo user's Wi-Fi signal
//   collapsed, so the first answer can say why;
// - earlier this week, a call with Pradeep dropped with no evidence in the record, where "I can't
//   tell why, and here is what the record does show" is the honest answer;
// - today, a poor call with Ravi: weak 2.4 GHz Wi-Fi on the demo user's side;
// - yesterday, a good call with Lena;
// - a meeting at 14:00 UTC (today once it is over, else yesterday's);
// - this week, poor calls with different causes: VPN, TCP fallback, the other side's mobile
//   network, a muted speaker, CPU overload.
import { composeMeeting, composePeerToPeer, type ComposeContext, type Composed } from './compose.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import type { TenantUser } from './types.js';
import { userNamed } from './users.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export function startOfUtcDay(t: Date): Date {
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
}

export function demoStory(ctx: ComposeContext, users: readonly TenantUser[], demo: TenantUser): Composed[] {
  const now = ctx.now;
  const today = startOfUtcDay(now);
  const who = (name: string): TenantUser => userNamed(users, name);
  const ago = (minutes: number): Date => new Date(now.getTime() - minutes * MINUTE);
  const dayAt = (daysBack: number, hour: number, minute = 0): Date => new Date(today.getTime() - daysBack * DAY + (hour * 60 + minute) * MINUTE);
  const p2p = (start: Date, seconds: number, other: string, scenario: Scenario, askerCalls = true): Composed =>
    composePeerToPeer(ctx, { id: ctx.rng.uuid(), start, seconds, asker: demo, other: who(other), askerCalls, scenario });

  const meetingEnd = dayAt(0, 14, 45).getTime();
  const meetingDay = meetingEnd <= now.getTime() - 75 * MINUTE ? 0 : 1;
  const meeting = composeMeeting(ctx, {
    id: ctx.rng.uuid(),
    start: dayAt(meetingDay, 14),
    seconds: 45 * 60,
    organizer: who('Lena Fischer'),
    people: [demo, ...['Lena Fischer', 'Ravi Patel', 'Adele Vance', 'Diego Siciliani', 'Grady Archie'].map(who)],
    asker: demo,
    scenario: SCENARIOS.goodMeeting,
    video: true,
  });

  return [
    p2p(dayAt(6, 13), 26 * 60, 'Johanna Lorenz', SCENARIOS.cpu),
    p2p(dayAt(5, 10), 14 * 60, 'Nestor Wilke', SCENARIOS.speakerMuted, false),
    p2p(dayAt(4, 15, 30), 18 * 60, 'Diego Siciliani', SCENARIOS.mobileOther, false),
    p2p(dayAt(3, 11), 32 * 60, 'Isaiah Langer', SCENARIOS.tcp),
    p2p(dayAt(3, 16), 9 * 60, 'Pradeep Gupta', SCENARIOS.midcallDrop),
    p2p(dayAt(2, 9), 22 * 60, 'Adele Vance', SCENARIOS.vpn),
    p2p(dayAt(1, 10, 30), 20 * 60, 'Lena Fischer', SCENARIOS.good, false),
    meeting,
    p2p(ago(70), 12 * 60, 'Ravi Patel', SCENARIOS.wifiWeak),
    p2p(ago(32), 690, 'Megan Bowen', SCENARIOS.midcallDropWifi),
  ];
}
