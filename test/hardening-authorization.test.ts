// Issue 16, authorization: a property test over every tab API route (tab/api/routes/*.ts) and many
// pairs of users of generated tenants (the emulator with several seeds). For seeded random pairs
// (A, B): A's list holds only A's calls; B's calls, B's list, B's quality and B's call as "user=B"
// are refused or answered as A's own; A's own call shows no one else's IP, subnet, MAC or BSSID and
// no phone number in full; the channel view names no one and is withheld under 5 people; and every
// helpdesk read of someone else is in the audit log, exactly once. The ground truth is the emulator's
// raw records, read here without the product's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_TEAM_ID, SUPPORT_TEAM_ID } from '../emulator/index.js';
import type { AuditLogResponse, CallDetailResponse, CallListResponse, MyQualityResponse, TeamQualityResponse } from '../tab/api/contract.js';
import { participantIds, startServerAgainst, type ServerUnderTest } from './server-harness.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { seededRandom, type Random } from './support/seededRandom.js';

type Json = Record<string, unknown>;

const SEEDS = [42, 7, 2026];
const PAIRS_PER_SEED = 12;
const HELPDESK_READS_PER_SEED = 10;
const LOCATING_FIELDS = ['ipAddress', 'subnet', 'macAddress', 'reflexiveIPAddress', 'basicServiceSetIdentifier'];

interface World {
  readonly seed: number;
  readonly emulator: EmulatorHandle;
  readonly sut: ServerUnderTest;
  readonly audience: string;
}

const worlds: World[] = [];

beforeAll(async () => {
  for (const seed of SEEDS) {
    const emulator = await startEmulator({ seed, throttle: false });
    const sut = await startServerAgainst(emulator);
    worlds.push({ seed, emulator, sut, audience: sut.config.tab!.appIdUri });
  }
}, 180_000);
afterAll(async () => {
  for (const w of worlds) {
    await w.sut.close();
    await w.emulator.close();
  }
});

async function get<T = Json>(w: World, path: string, token: string): Promise<{ status: number; body: T; text: string }> {
  const res = await fetch(`http://127.0.0.1:${w.sut.running.port}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, text };
}

const token = (w: World, userId: string, roles: string[] = []): Promise<string> => w.emulator.userToken(userId, { audience: w.audience, roles });

/** The calls a user took part in (the emulator's records, read without the product's code). */
function callIdsOf(w: World, userId: string): Set<string> {
  return new Set(w.emulator.tenant!.records.filter((r) => participantIds(r).includes(userId)).map((r) => String(r.id)));
}

/** Every page of the user's list, as the tab scrolls it. */
async function wholeList(w: World, path: string, bearer: string): Promise<CallListResponse['calls'][number][]> {
  const calls: CallListResponse['calls'][number][] = [];
  let next: string | null = path;
  for (let pages = 0; next && pages < 20; pages++) {
    const page: { status: number; body: CallListResponse } = await get<CallListResponse>(w, next, bearer);
    expect(page.status).toBe(200);
    calls.push(...page.body.calls);
    next = page.body.next;
  }
  return calls;
}

/** Locating values (IP, subnet, MAC, BSSID) of each endpoint owner in a record's segments. */
function locatingValuesByOwner(record: Json): Map<string, Set<string>> {
  const byOwner = new Map<string, Set<string>>();
  for (const session of (record.sessions as Json[] | undefined) ?? []) {
    for (const segment of (session.segments as Json[] | undefined) ?? []) {
      for (const side of ['caller', 'callee'] as const) {
        const endpoint = segment[side] as Json | undefined;
        const owner = String((endpoint?.associatedIdentity as Json | undefined)?.id ?? ((endpoint?.identity as Json | undefined)?.user as Json | undefined)?.id ?? 'unknown').toLowerCase();
        const values = byOwner.get(owner) ?? new Set<string>();
        for (const media of (segment.media as Json[] | undefined) ?? []) {
          const network = media[`${side}Network`] as Json | undefined;
          for (const field of LOCATING_FIELDS) if (typeof network?.[field] === 'string' && (network[field] as string).length >= 7) values.add(network[field] as string);
        }
        byOwner.set(owner, values);
      }
    }
  }
  return byOwner;
}

/** Every phone number in a record (phone identities, and PSTN participants whose id is their number). */
function phoneNumbers(record: Json): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === 'string' && /^\+\d{8,15}$/.test(value) && key !== 'ignored') found.add(value);
  };
  walk(record, '');
  return found;
}

function pickPair(r: Random, w: World): [string, string] {
  const users = w.emulator.tenant!.users;
  const a = r.pick(users).id;
  let b = r.pick(users).id;
  while (b === a) b = r.pick(users).id;
  return [a, b];
}

describe('authorization over every tab API route, many pairs of users, several generated tenants', () => {
  it(`when ${PAIRS_PER_SEED} random pairs per seed (${SEEDS.join(', ')}) use the API, then no one reads another's call, list or quality, and their own call hides everyone else's whereabouts`, { timeout: 600_000 }, async () => {
    const unknownId = '00000000-0000-4000-8000-000000000bad';
    for (const w of worlds) {
      const r = seededRandom(w.seed * 31 + 16);
      let checkedOwnCalls = 0;
      let hiddenValues = 0;
      for (let n = 0; n < PAIRS_PER_SEED; n++) {
        const [a, b] = pickPair(r, w);
        const where = `seed ${w.seed}, pair ${n} (A ${a}, B ${b})`;
        const bearerA = await token(w, a);
        const mineA = callIdsOf(w, a);
        const mineB = callIdsOf(w, b);

        // GET /api/calls: only A's own calls, every page, whatever filter.
        const filter = r.pick(['', '&verdict=poor', '&media=video', '&kind=meeting', '&kind=phone', `&q=${encodeURIComponent(r.pick(w.emulator.tenant!.users).displayName.split(' ')[0]!)}`]);
        for (const call of await wholeList(w, `/api/calls?limit=50${filter}`, bearerA)) expect(mineA.has(call.id), `${where}: ${call.id} in A's list${filter}`).toBe(true);

        // GET /api/calls?user=B and GET /api/calls/{id}?user=B: refused to anyone but the helpdesk.
        expect((await get(w, `/api/calls?user=${b}`, bearerA)).status, where).toBe(403);
        const unknown = await get(w, `/api/calls/${unknownId}`, bearerA);
        const onlyB = [...mineB].filter((id) => !mineA.has(id));
        if (onlyB.length > 0) {
          const id = r.pick(onlyB);
          const other = await get(w, `/api/calls/${id}`, bearerA);
          // A call of B's is answered exactly like one that does not exist: no oracle.
          expect({ status: other.status, body: other.body }, `${where}: B's call ${id}`).toEqual({ status: 404, body: unknown.body });
          expect((await get(w, `/api/calls/${id}?user=${b}`, bearerA)).status, where).toBe(403);
        }
        // A call both took part in, asked as B: still refused (A may read it only as A).
        const shared = [...mineA].filter((id) => mineB.has(id));
        if (shared.length > 0) expect((await get(w, `/api/calls/${r.pick(shared)}?user=${b}`, bearerA)).status, where).toBe(403);

        // A's own call: everyone else's IP, subnet, MAC and BSSID removed, every phone number masked.
        const ownIds = [...mineA].filter((id) => {
          const record = w.emulator.tenant!.records.find((x) => String(x.id) === id)!;
          return Date.parse(String(record.endDateTime)) <= w.emulator.now().getTime();
        });
        if (ownIds.length > 0) {
          const id = r.pick(ownIds);
          const record = w.emulator.tenant!.records.find((x) => String(x.id) === id)!;
          const detail = await get<CallDetailResponse>(w, `/api/calls/${id}`, bearerA);
          expect(detail.status, `${where}: own call ${id}`).toBe(200);
          expect(detail.body.helpdesk).toBe(false);
          const owners = locatingValuesByOwner(record);
          const own = owners.get(a.toLowerCase()) ?? new Set<string>();
          for (const [owner, values] of owners) {
            if (owner === a.toLowerCase()) continue;
            for (const value of values) {
              if (own.has(value)) continue;
              hiddenValues++;
              expect(detail.text.includes(`"${value}"`), `${where}: ${owner}'s ${value} shown in ${id}`).toBe(false);
            }
          }
          for (const number of phoneNumbers(record)) expect(detail.text.includes(number), `${where}: ${number} unmasked in ${id}`).toBe(false);
          checkedOwnCalls++;
        }

        // GET /api/me/quality ignores any user it is handed: A's rates are A's, over at most A's calls.
        if (n % 4 === 0) {
          const asked = await get<MyQualityResponse>(w, `/api/me/quality?user=${b}`, bearerA);
          const own = await get<MyQualityResponse>(w, '/api/me/quality', bearerA);
          expect(asked.status, where).toBe(200);
          expect(asked.body.quality).toEqual(own.body.quality);
          expect(own.body.quality.calls).toBeLessThanOrEqual(mineA.size);
        }

        // The helpdesk and admin routes are closed to A without the roles.
        for (const path of [`/api/helpdesk/users?upn=${encodeURIComponent(w.emulator.tenant!.users.find((u) => u.id === b)!.userPrincipalName)}`, '/api/helpdesk/audit', '/api/admin/alerts/poison']) expect((await get(w, path, bearerA)).status, `${where}: ${path}`).toBe(403);

        // GET /api/me names the token's user, whoever else the query names.
        expect((await get<{ id: string }>(w, `/api/me?user=${b}`, bearerA)).body.id, where).toBe(a.toLowerCase());
      }
      expect(checkedOwnCalls, `seed ${w.seed}: own calls checked`).toBeGreaterThan(PAIRS_PER_SEED / 2);
      expect(hiddenValues, `seed ${w.seed}: other people's addresses looked for`).toBeGreaterThan(0);
    }
  });

  it('when members and outsiders open the channel view of each generated tenant, then it names no one, is withheld under 5 people, and is a 404 to outsiders', { timeout: 300_000 }, async () => {
    for (const w of worlds) {
      const tenant = w.emulator.tenant!;
      const members = tenant.users.slice(0, 12);
      const r = seededRandom(w.seed + 5);
      const member = r.pick(members.slice(0, 3));
      const bearer = await token(w, member.id);
      const forbiddenText = [
        ...tenant.users.flatMap((u) => [u.id, u.displayName, u.userPrincipalName]),
        ...tenant.records.map((rec) => String(rec.id)),
        ...tenant.records.flatMap((rec) => [...locatingValuesByOwner(rec).values()].flatMap((s) => [...s])).filter((v) => !/^\d+\.\d+\.\d+\.0$/.test(v)),
      ];
      for (const [groupId, days] of [[SUPPORT_TEAM_ID, 7], [SUPPORT_TEAM_ID, 30], [SMALL_TEAM_ID, 30]] as const) {
        const view = await get<TeamQualityResponse>(w, `/api/teams/${groupId}/quality?days=${days}`, bearer);
        expect(view.status, `seed ${w.seed} ${groupId}`).toBe(200);
        const quality = view.body.quality;
        if (quality.withheld) expect(quality.people).toBeLessThan(5);
        else {
          expect(quality.people).toBeGreaterThanOrEqual(5);
          for (const text of forbiddenText) if (text.length >= 7) expect(view.text.includes(text), `seed ${w.seed}: channel view shows ${text}`).toBe(false);
        }
      }
      expect((await get<TeamQualityResponse>(w, `/api/teams/${SMALL_TEAM_ID}/quality`, bearer)).body.quality.withheld, `seed ${w.seed}: 3-person team`).toBe(true);
      const outsider = tenant.users.find((u) => !members.some((m) => m.id === u.id))!;
      expect((await get(w, `/api/teams/${SUPPORT_TEAM_ID}/quality`, await token(w, outsider.id))).status).toBe(404);
    }
  });

  it(`when the helpdesk reads random people's lists, calls and UPNs (${HELPDESK_READS_PER_SEED} per seed), then every read is audited exactly once, naming whom`, { timeout: 300_000 }, async () => {
    for (const w of worlds) {
      const r = seededRandom(w.seed + 99);
      const users = w.emulator.tenant!.users;
      const helpdesk = r.pick(users);
      const bearer = await token(w, helpdesk.id, ['CallDoctor.Helpdesk']);
      const auditLength = async (): Promise<AuditLogResponse['entries']> => (await get<AuditLogResponse>(w, '/api/helpdesk/audit?limit=500', bearer)).body.entries;
      for (let n = 0; n < HELPDESK_READS_PER_SEED; n++) {
        let subject = r.pick(users);
        while (subject.id === helpdesk.id) subject = r.pick(users);
        const before = (await auditLength()).length;
        const kind = r.pick(['list', 'call', 'lookup'] as const);
        let expected: Partial<AuditLogResponse['entries'][number]>;
        if (kind === 'list') {
          const list = await get<CallListResponse>(w, `/api/calls?user=${subject.id}&limit=5`, bearer);
          expect(list.body.helpdesk).toBe(true);
          expected = { action: 'listCalls', subjectId: subject.id.toLowerCase(), callId: null };
        } else if (kind === 'call') {
          const theirs = [...callIdsOf(w, subject.id)].filter((id) => !callIdsOf(w, helpdesk.id).has(id));
          if (theirs.length === 0) continue;
          const id = r.pick(theirs);
          const detail = await get<CallDetailResponse>(w, `/api/calls/${id}?user=${subject.id}`, bearer);
          expect(detail.status).toBe(200);
          expect(detail.body.helpdesk).toBe(true);
          expected = { action: 'readCall', subjectId: subject.id.toLowerCase(), callId: id };
        } else {
          expect((await get(w, `/api/helpdesk/users?upn=${encodeURIComponent(subject.userPrincipalName)}`, bearer)).status).toBe(200);
          expected = { action: 'lookupUser', subjectId: subject.id, callId: null };
        }
        const after = await auditLength();
        expect(after.length, `seed ${w.seed} read ${n} (${kind})`).toBe(before + 1);
        expect({ ...after[0], subjectId: after[0]!.subjectId.toLowerCase() }).toMatchObject({ ...expected, subjectId: expected.subjectId!.toLowerCase(), actorId: helpdesk.id.toLowerCase() });
      }
      // Reading one's own calls is not a helpdesk read and leaves no audit entry.
      const before = (await auditLength()).length;
      await get(w, '/api/calls?limit=5', bearer);
      expect((await auditLength()).length).toBe(before);
    }
  });
});
