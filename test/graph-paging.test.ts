// Done-when of issue #5: paging reaches the end (75 sessions, 200 participants, three pages of
// list), and the documentation's example payloads, served by the emulator, parse.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';
import { graphExamplesDir } from './support/reference.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Graph paging against the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: false });
  });
  afterAll(() => emulator.close());

  type Rec = { id: string; startDateTime: string; sessions: { segments?: unknown[] }[]; participants_v2: { id: string }[] };
  const generated = (): Rec[] => emulator.tenant!.records as unknown as Rec[];

  it('when a meeting has 75 sessions, then getCall returns all 75 with their segments, following sessions@odata.nextLink', async () => {
    const expected = generated().find((r) => r.sessions.length === 75)!;
    const graph = graphOverEmulator(emulator);

    const record = await graph.callRecords.getCall(expected.id);
    expect(record.sessions).toHaveLength(75);
    expect(record.sessions.every((s) => Array.isArray(s.segments) && s.segments.length > 0)).toBe(true);
    expect(new Set(record.sessions.map((s) => s.id)).size).toBe(75);
    expect((await graphRequests(emulator, `${expected.id}/sessions`)).length).toBeGreaterThanOrEqual(1);
  });

  it('when a town hall has 200 participants, then getCall returns all 200, following participants_v2@odata.nextLink', async () => {
    const expected = generated().find((r) => r.participants_v2.length === 200)!;
    const graph = graphOverEmulator(emulator);

    const record = await graph.callRecords.getCall(expected.id);
    expect(record.participants_v2.map((p) => p.id).sort()).toEqual(expected.participants_v2.map((p) => p.id).sort());
    expect(record.sessions).toHaveLength(expected.sessions.length);
  });

  it('when a user\'s calls fill three list pages, then recentCalls reads all three and returns every call of the last 30 days', async () => {
    const userId = emulator.tenant!.demoUserId;
    const since = emulator.now().getTime() - 30 * DAY_MS;
    const expectedIds = generated()
      .filter((r) => r.participants_v2.some((p) => p.id === userId) && Date.parse(r.startDateTime) >= since)
      .map((r) => r.id);
    const pageSize = Math.ceil(expectedIds.length / 3);
    const graph = graphOverEmulator(emulator, { tuning: { listPageSize: pageSize } });
    await clearRequestsSettled(emulator);

    const calls = await graph.callRecords.recentCalls(userId);
    expect(calls.map((c) => c.id).sort()).toEqual([...expectedIds].sort());
    expect((await graphRequests(emulator)).filter((r) => r.path.endsWith('/communications/callRecords'))).toHaveLength(3);
    expect(calls.map((c) => c.startDateTime)).toEqual(calls.map((c) => c.startDateTime).sort().reverse());
  });
});

describe('documentation example payloads served by the emulator', () => {
  const docId = 'e523d2ed-2966-4b6b-925b-754a88034cc5';
  let emulator: EmulatorHandle;
  let dir: string;
  beforeAll(async () => {
    // The docs show one call three ways; served as one record: sessions with segments, plus participants.
    const example = (name: string) => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8')) as Record<string, unknown>;
    const withSessions = example('get-callrecord-expand-sessions-segments.v1.0.json');
    const withParticipants = example('get-callrecord-expand-participants_v2.v1.0.json');
    dir = mkdtempSync(join(tmpdir(), 'graph-doc-examples-'));
    writeFileSync(join(dir, 'doc-call.json'), JSON.stringify({ ...withSessions, participants_v2: withParticipants.participants_v2 }));
    emulator = await startEmulator({ recordsDir: dir, strict: true, throttle: false, now: new Date('2020-02-26T00:00:00Z') });
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the docs\' call is fetched, then its sessions, segments, media and participants all arrive intact', async () => {
    const graph = graphOverEmulator(emulator);

    const record = await graph.callRecords.getCall(docId);
    expect(record).toMatchObject({ id: docId, version: 1, type: 'peerToPeer' });
    expect(record.sessions[0]?.segments?.[0]?.media?.[0]?.streams?.length).toBeGreaterThan(0);
    expect(record.sessions[0]?.caller).toHaveProperty('@odata.type', '#microsoft.graph.callRecords.participantEndpoint');
    expect(record.participants_v2.length).toBeGreaterThan(0);
  });

  it('when the docs\' call is listed for its organizer, then the summary names the organizer', async () => {
    const graph = graphOverEmulator(emulator);

    const [summary] = await graph.callRecords.recentCalls('821809f5-0000-0000-0000-3b5136c0e777');
    expect(summary).toMatchObject({ id: docId, organizer: { id: '821809f5-0000-0000-0000-3b5136c0e777', displayName: 'Abbie Wilkins', kind: 'user' } });
  });
});
