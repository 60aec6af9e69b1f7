// --live SECONDS: a call ends every so often, so alerts can be demonstrated. Each tick adds a new
// record (a `created` notification) and now and then revises the previous one (`updated`).
import { composePeerToPeer, type ComposeContext } from './compose.js';
import { Rng } from './random.js';
import { BACKGROUND_WEIGHTS, SCENARIOS } from './scenarios.js';
import type { TenantUser } from './types.js';

export interface LiveCallSource {
  /** The next call, ended a minute before `now`; `revise` asks for a new version of the last one instead. */
  next(now: Date): { record: Record<string, unknown>; revise: boolean };
}

// Live calls are 1:1 calls: a fault between Microsoft's servers needs a meeting leg to show in.
const LIVE_WEIGHTS = BACKGROUND_WEIGHTS.filter(([scenario]) => scenario.shape !== 'serviceFault');

export function liveCalls(seed: number, tenantId: string, users: readonly TenantUser[], demoUserId: string): LiveCallSource {
  const rng = new Rng(seed).fork('live');
  let last: Record<string, unknown> | undefined;
  let first = true;
  const demo = users.find((u) => u.id === demoUserId);
  return {
    next(now) {
      if (last && rng.chance(0.25)) {
        const revised = { ...last, version: Number(last.version) + 1 };
        last = revised;
        return { record: revised, revise: true };
      }
      const ctx: ComposeContext = { rng, tenantId, now, clients: new Map() };
      // The first live call is the demo user's own poor call, so demo mode shows an alert within a
      // minute; after that every other call involves them, mostly with a problem worth an alert.
      const withDemo = demo !== undefined && (first || rng.chance(0.5));
      const asker = withDemo ? demo : rng.pick(users);
      const other = rng.pick(users.filter((u) => u.id !== asker.id));
      const scenario = withDemo ? (first ? SCENARIOS.wifiWeak : rng.pick([SCENARIOS.wifiWeak, SCENARIOS.vpn, SCENARIOS.midcallDropWifi, SCENARIOS.good, SCENARIOS.congested])) : rng.weighted(LIVE_WEIGHTS);
      first = false;
      const seconds = rng.int(120, 900);
      const start = new Date(now.getTime() - (seconds + 60) * 1000);
      last = composePeerToPeer(ctx, { id: rng.uuid(), start, seconds, asker, other, askerCalls: rng.chance(0.5), scenario }).record;
      return { record: last, revise: false };
    },
  };
}
