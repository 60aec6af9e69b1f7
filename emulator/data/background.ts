// Thirty days of everyone else's calls: 1:1 calls and meetings in working hours, most of them
// good, problems in the proportions of BACKGROUND_WEIGHTS. Plus two large meetings that page
// (75 sessions; 200 participants). The demo user appears only before this week, so their
// recent history is exactly the demo story.
import { composeMeeting, composePeerToPeer, type ComposeContext, type Composed } from './compose.js';
import { startOfUtcDay } from './demoStory.js';
import { BACKGROUND_WEIGHTS, SCENARIOS } from './scenarios.js';
import type { TenantUser } from './types.js';

const DAY = 86_400_000;

export function backgroundCalls(ctx: ComposeContext, users: readonly TenantUser[], demo: TenantUser): Composed[] {
  const { rng, now } = ctx;
  const out: Composed[] = [];
  const today = startOfUtcDay(now);
  for (let daysBack = 29; daysBack >= 0; daysBack--) {
    const day = new Date(today.getTime() - daysBack * DAY);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const pool = daysBack < 7 ? users.filter((u) => u.id !== demo.id) : users;
    const count = weekend ? rng.int(2, 5) : rng.int(22, 30);
    for (let i = 0; i < count; i++) {
      const start = new Date(day.getTime() + rng.int(7 * 60, 18 * 60) * 60_000 + rng.int(0, 59) * 1000);
      const drawn = rng.chance(0.42);
      const scenario = rng.weighted(BACKGROUND_WEIGHTS);
      // A fault between Microsoft's servers shows in a meeting leg; a carrier leg only in a phone call.
      const meeting = scenario.shape === 'serviceFault' ? true : scenario.shape === 'phoneCarrier' ? false : drawn;
      const seconds = meeting ? rng.pick([15, 30, 30, 45, 60]) * 60 : rng.int(90, 40 * 60);
      if (start.getTime() + seconds * 1000 > now.getTime() - 10 * 60_000) continue;
      if (meeting) {
        const people = rng.sample(pool, rng.int(3, 10));
        const askerPool = people;
        out.push(composeMeeting(ctx, { id: rng.uuid(), start, seconds, organizer: people[0]!, people, asker: rng.pick(askerPool), scenario: scenario === SCENARIOS.good ? SCENARIOS.goodMeeting : scenario }));
      } else {
        const [asker, other] = rng.sample(pool, 2) as [TenantUser, TenantUser];
        out.push(composePeerToPeer(ctx, { id: rng.uuid(), start, seconds, asker, other, askerCalls: rng.chance(0.5), scenario }));
      }
    }
  }
  out.push(...largeMeetings(ctx, users, demo));
  return out;
}

function largeMeetings(ctx: ComposeContext, users: readonly TenantUser[], demo: TenantUser): Composed[] {
  const { rng } = ctx;
  const today = startOfUtcDay(ctx.now);
  const staff = users.filter((u) => u.id !== demo.id);
  // All-hands: 39 people, 36 of whom dropped and rejoined once, so 75 sessions; the asker joined
  // over weak 2.4 GHz Wi-Fi, so a large meeting holds one person's own poor leg among good ones.
  const allHands = composeMeeting(ctx, {
    id: rng.uuid(),
    start: new Date(today.getTime() - 2 * DAY + 16 * 3_600_000),
    seconds: 60 * 60,
    organizer: staff[0]!,
    people: staff,
    asker: staff[1]!,
    scenario: SCENARIOS.wifiWeak,
    rejoins: 75 - staff.length,
    video: false,
  });
  // Town hall with partners: 200 participants, one session each.
  const guests = externalPeople(rng.fork('town-hall'), 200 - 3);
  const townHall = composeMeeting(ctx, {
    id: rng.uuid(),
    start: new Date(today.getTime() - 5 * DAY + 17 * 3_600_000),
    seconds: 50 * 60,
    organizer: staff[2]!,
    people: [staff[2]!, staff[3]!, staff[4]!, ...guests],
    asker: staff[3]!,
    scenario: SCENARIOS.goodMeeting,
    video: false,
  });
  return [allHands, townHall];
}

const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Eva', 'Finn', 'Gita', 'Hugo', 'Iris', 'Jan', 'Kira', 'Leo', 'Maya', 'Nils', 'Olga', 'Paul', 'Rosa', 'Sami', 'Tara', 'Uma'];
const LAST = ['Adams', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fontaine', 'Garcia', 'Horvat', 'Ivanova', 'Jensen', 'Kowalski', 'Laine', 'Moreau', 'Novak'];

function externalPeople(rng: { uuid(): string }, count: number): TenantUser[] {
  return Array.from({ length: count }, (_, i) => {
    const displayName = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const local = `${displayName.toLowerCase().replace(' ', '.')}${i >= FIRST.length * LAST.length ? i : ''}`;
    return { id: rng.uuid(), displayName, userPrincipalName: `${local}@contoso.com`, mail: `${local}@contoso.com` };
  });
}
