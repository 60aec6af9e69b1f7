// Done-when of issue #5: the same version is served from cache and a new version is fetched;
// a warm index answers "last call" with at most one GET (counted at the emulator).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

type Rec = { id: string; version: number; startDateTime: string; endDateTime: string; sessions: object[]; participants_v2: { id: string }[] };

describe('cache and per-user index against the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 42, strict: true, throttle: false });
  });
  beforeEach(() => clearRequestsSettled(emulator));
  afterAll(() => emulator.close());

  const records = (): Rec[] => emulator.tenant!.records as unknown as Rec[];
  const peerToPeerOf = (userId: string): Rec => records().filter((r) => r.participants_v2.some((p) => p.id === userId) && r.sessions.length < 60 && r.participants_v2.length < 130).at(-1)!;
  const gets = async (): Promise<number> => (await graphRequests(emulator)).filter((r) => r.method === 'GET').length;

  it('when a settled record is asked for twice, then Graph sees one request; after a revision, the new version is fetched', async () => {
    // Older than graph/'s revision window (2 hours), so the cached copy is served without a probe.
    const settled = emulator.now().getTime() - 3 * 3_600_000;
    const record = records().filter((r) => r.participants_v2.some((p) => p.id === emulator.tenant!.demoUserId) && r.sessions.length < 60 && Date.parse(r.endDateTime) < settled).at(-1)!;
    const graph = graphOverEmulator(emulator);

    const first = await graph.callRecords.getCall(record.id);
    const afterFirst = (await graphRequests(emulator, record.id)).length;
    await graph.callRecords.getCall(record.id);
    expect(await graphRequests(emulator, record.id)).toHaveLength(afterFirst);

    await emulator.addRecord({ ...record, endDateTime: new Date(Date.parse(record.endDateTime) + 60_000).toISOString() });
    const notified = await graph.feed.recordNotified(record.id);
    expect(notified.isNewVersion).toBe(true);
    expect(notified.record.version).toBeGreaterThan(first.version!);
    expect((await graph.callRecords.getCall(record.id)).version).toBe(notified.record.version);
  });

  it('when Graph notifies created and then updated for the same new record, then it is downloaded in full once and the second costs one $select probe', async () => {
    const template = peerToPeerOf(emulator.tenant!.demoUserId);
    const newCall = { ...template, id: '0bd0c0de-0000-4000-8000-0000000000a2', version: 1 };
    const graph = graphOverEmulator(emulator);
    await emulator.addRecord(newCall);

    const created = await graph.feed.recordNotified(newCall.id);
    const updated = await graph.feed.recordNotified(newCall.id);
    expect(created.isNewVersion).toBe(true);
    expect(updated.isNewVersion).toBe(false);
    const urls = (await graphRequests(emulator, newCall.id)).map((r) => decodeURIComponent(r.url));
    expect(urls.filter((u) => u.includes('$expand'))).toHaveLength(1);
    expect(urls.filter((u) => u.includes('$select=id,version'))).toHaveLength(1);
    expect(urls.filter((u) => u.endsWith('/participants_v2'))).toHaveLength(1);
    expect(urls).toHaveLength(3);
  });

  it('when notifications name a version a person already fetched, then each costs only a version probe, and the first is still new to the alerts', async () => {
    const record = records().find((r) => r.sessions.length === 75)!;
    const graph = graphOverEmulator(emulator);
    await graph.callRecords.getCall(record.id);
    await clearRequestsSettled(emulator);

    const first = await graph.feed.recordNotified(record.id);
    const repeat = await graph.feed.recordNotified(record.id);
    expect([first.isNewVersion, repeat.isNewVersion]).toEqual([true, false]);
    expect(repeat.record.sessions).toHaveLength(75);
    const urls = (await graphRequests(emulator, record.id)).map((r) => decodeURIComponent(r.url));
    expect(urls).toHaveLength(2);
    expect(urls.every((u) => u.includes('$select=id,version'))).toBe(true);
  });

  it('when the index is warm, then "why did my last call drop" costs at most one record fetch (the record and its participants)', async () => {
    const userId = emulator.tenant!.demoUserId;
    const graph = graphOverEmulator(emulator);
    await graph.callRecords.recentCalls(userId);
    await clearRequestsSettled(emulator);

    const [last] = await graph.callRecords.recentCalls(userId, { limit: 1 });
    const record = await graph.callRecords.getCall(last!.id);
    expect(record.id).toBe(last!.id);
    expect(await gets()).toBeLessThanOrEqual(2);
    expect((await graphRequests(emulator)).filter((r) => r.path.endsWith('/communications/callRecords'))).toHaveLength(0);
  });

  it('when a notified record involves a user with a warm index, then their recent calls show it without a list request', async () => {
    const userId = emulator.tenant!.demoUserId;
    const graph = graphOverEmulator(emulator);
    await graph.callRecords.recentCalls(userId);
    const template = peerToPeerOf(userId);
    const start = new Date(emulator.now().getTime() - 10 * 60_000);
    const newCall = { ...template, id: '0bd0c0de-0000-4000-8000-0000000000a1', version: 1, startDateTime: start.toISOString(), endDateTime: new Date(start.getTime() + 5 * 60_000).toISOString() };
    await emulator.addRecord(newCall);
    await graph.feed.recordNotified(newCall.id);
    await clearRequestsSettled(emulator);

    const [latest] = await graph.callRecords.recentCalls(userId, { limit: 1 });
    expect(latest).toMatchObject({ id: newCall.id, version: 1 });
    // The full record was read: the row names the other people, never the user themself.
    expect(latest!.counterparts?.people.length).toBeGreaterThan(0);
    expect(latest!.counterparts?.people.map((p) => p.id)).not.toContain(userId);
    expect(await graphRequests(emulator)).toHaveLength(0);
  });
});
