import type { ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../bot/testing/memoryStores.js';
import { ALEX, LENA, RAVI } from '../../bot/testing/activities.js';
import { testCall, type TestCallOptions } from '../../bot/testing/callRecords.js';
import { internalParticipants } from '../../bot/index.js';
import { GraphError, silentLogger, type CallRecordFeed, type FullCallRecord } from '../../graph/index.js';
import { createDiagnose, thresholdsFromConfig } from '../diagnosisWiring.js';
import { createAlertWorker, type AlertDelivery, type AlertWorkerTuning } from './alertWorker.js';
import { DEFAULT_DAILY_CAP, type AlertWork, type UserAlertRules } from './ports.js';
import { createMemoryAlertStores } from './testing/memoryAlertStores.js';
import { createManualClock } from './testing/manualClock.js';

const TENANT = 'tenant';
const START = new Date('2026-11-30T10:00:00.000Z');
const reference = (userId: string): Partial<ConversationReference> => ({ serviceUrl: 'https://connector.test/', conversation: { id: `a:${userId}`, conversationType: 'personal', isGroup: false, name: '' }, user: { id: `29:${userId}`, name: '', aadObjectId: userId } });

function setup(options: { rules?: Partial<UserAlertRules>; tuning?: Partial<AlertWorkerTuning> } = {}) {
  const clock = createManualClock(START);
  const alerts = createMemoryAlertStores(clock.now);
  const bot = createMemoryStores();
  const records = new Map<string, FullCallRecord>();
  const fetches: string[] = [];
  let feedFailures = 0;
  const feed: CallRecordFeed = {
    async recordNotified(callId) {
      fetches.push(callId);
      if (feedFailures > 0) {
        feedFailures -= 1;
        throw new GraphError('Microsoft Graph is unavailable', 503, 'ServiceUnavailable', undefined);
      }
      const record = records.get(callId);
      if (!record) throw new GraphError('not found', 404, 'NotFound', undefined);
      return { record, isNewVersion: true };
    },
    backfill: async () => [],
    prune: async () => undefined,
  };
  const sent: AlertDelivery[] = [];
  let sendFailures = 0;
  const rules: UserAlertRules = { mode: 'all', quietHours: null, timeZone: 'UTC', dailyCap: DEFAULT_DAILY_CAP, ...options.rules };
  const worker = createAlertWorker({
    ...alerts,
    feed,
    diagnose: createDiagnose(thresholdsFromConfig({})),
    recipients: internalParticipants,
    conversations: bot.conversations,
    pending: bot.pending,
    rules: { get: async (user) => ({ ...rules, mode: await bot.alertPreferences.get(user) === 'all' ? rules.mode : await bot.alertPreferences.get(user) }) },
    deliver: async (delivery) => {
      if (sendFailures > 0) {
        sendFailures -= 1;
        throw new Error('connector refused');
      }
      sent.push(delivery);
    },
    now: clock.now,
    logger: silentLogger,
    tuning: { baseBackoffMs: 1_000, maxBackoffMs: 8_000, maxAttempts: 4, ...options.tuning },
  });
  const work = (callId: string, extra: Partial<AlertWork> = {}): AlertWork => ({ callId, changeType: 'created', tenantId: TENANT, receivedAt: clock.now(), source: 'notification', ...extra });
  const call = (options: TestCallOptions): FullCallRecord => {
    const record = testCall(options);
    records.set(record.id, record);
    return record;
  };
  const install = async (...people: { id: string }[]) => {
    for (const person of people) await bot.conversations.save({ tenantId: TENANT, userId: person.id }, reference(person.id));
  };
  /** Runs the worker until the queue has nothing visible. */
  const drain = async () => {
    while ((await worker.runOnce()) > 0);
  };
  return {
    clock, alerts, bot, worker, sent, fetches, work, call, install, drain, records,
    failFeed: (n: number) => void (feedFailures = n),
    failSend: (n: number) => void (sendFailures = n),
  };
}

const minutesAgo = (n: number): string => new Date(START.getTime() - n * 60_000).toISOString();

describe('alert worker', () => {
  it('when a poor call arrives for a user who installed the bot, then they get one card about their own experience and nobody else does', async () => {
    const t = setup();
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'packet-loss' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent.map((s) => [s.userId, s.record.id, s.reason, s.diagnosis.verdict])).toEqual([[ALEX.id, 'c1', 'alert', 'poor']]);
    expect(t.sent[0]!.reference.conversation?.id).toBe(`a:${ALEX.id}`);
    expect(await t.alerts.queue.receive(10, 1_000)).toEqual([]);
  });

  it('when a good call arrives, then nobody is alerted and the work is done', async () => {
    const t = setup();
    await t.install(ALEX, RAVI);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'good' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent).toEqual([]);
    expect(await t.alerts.processed.get(TENANT, 'c1')).toBe(1);
  });

  it('when the notification comes twice, as created and updated, and again later, then the card is sent once', async () => {
    const t = setup();
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('c1'), t.work('c1', { changeType: 'updated' })]);
    await t.drain();
    await t.alerts.queue.enqueue([t.work('c1', { changeType: 'updated' })]);
    await t.drain();
    expect(t.sent).toHaveLength(1);
    // created + updated in one batch cost one look at the record.
    expect(t.fetches).toEqual(['c1', 'c1']);
  });

  it('when the record gets a new version, then it is decided again but the person is not alerted twice for the call', async () => {
    const t = setup();
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'packet-loss' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped', version: 2 });
    await t.alerts.queue.enqueue([t.work('c1', { changeType: 'updated' })]);
    await t.drain();
    expect(t.sent).toHaveLength(1);
    expect(await t.alerts.processed.get(TENANT, 'c1')).toBe(2);
  });

  it('when a good first version is followed by a poor one, then the poor version alerts', async () => {
    const t = setup();
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'good' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'packet-loss', version: 2 });
    await t.alerts.queue.enqueue([t.work('c1', { changeType: 'updated' })]);
    await t.drain();
    expect(t.sent.map((s) => s.record.version)).toEqual([2]);
  });

  it("when the user chose 'drops', then a poor call is not alerted but a dropped one is; 'off' silences both", async () => {
    const t = setup();
    await t.install(ALEX, LENA);
    await t.bot.alertPreferences.set({ tenantId: TENANT, userId: ALEX.id }, 'drops');
    await t.bot.alertPreferences.set({ tenantId: TENANT, userId: LENA.id }, 'off');
    t.call({ id: 'poor', start: minutesAgo(60), with: [LENA], quality: 'packet-loss' });
    t.call({ id: 'dropped', start: minutesAgo(40), with: [LENA], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('poor'), t.work('dropped')]);
    await t.drain();
    expect(t.sent.map((s) => [s.userId, s.record.id])).toEqual([[ALEX.id, 'dropped']]);
  });

  it('when the daily cap is reached, then further alerts that day are held back, and the next day they flow again', async () => {
    const t = setup({ rules: { dailyCap: 2 } });
    await t.install(ALEX);
    for (const id of ['c1', 'c2', 'c3']) t.call({ id, start: minutesAgo(50), with: [RAVI], quality: 'dropped' });
    for (const id of ['c1', 'c2', 'c3']) {
      await t.alerts.queue.enqueue([t.work(id)]);
      await t.drain();
    }
    expect(t.sent.map((s) => s.record.id)).toEqual(['c1', 'c2']);
    await t.clock.advance(24 * 3_600_000);
    t.call({ id: 'c4', start: new Date(t.clock.now().getTime() - 30 * 60_000).toISOString(), with: [RAVI], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('c4')]);
    await t.drain();
    expect(t.sent.map((s) => s.record.id)).toEqual(['c1', 'c2', 'c4']);
  });

  it('when a crash left this call claimed mid-send and the cap is otherwise full, then the retry still sends it', async () => {
    const t = setup({ rules: { dailyCap: 2 }, tuning: { claimStaleMs: 1_000 } });
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(50), with: [RAVI], quality: 'dropped' });
    t.call({ id: 'c2', start: minutesAgo(50), with: [RAVI], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    await t.alerts.log.claim({ tenantId: TENANT, userId: ALEX.id, callId: 'c2' }, 'alert', 1_000); // the dead process's claim
    await t.clock.advance(2_000);
    await t.alerts.queue.enqueue([t.work('c2')]);
    await t.drain();
    expect(t.sent.map((s) => s.record.id)).toEqual(['c1', 'c2']);
  });

  it('when it is quiet hours where the user is, then the alert is held back; outside them it is sent', async () => {
    // 10:00 UTC is 19:00 in Tokyo: inside 18:00-08:00 there, outside it in UTC.
    const t = setup({ rules: { quietHours: { start: '18:00', end: '08:00' }, timeZone: 'Asia/Tokyo' } });
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent).toEqual([]);
    await t.clock.advance(14 * 3_600_000); // 09:00 in Tokyo
    t.call({ id: 'c2', start: new Date(t.clock.now().getTime() - 30 * 60_000).toISOString(), with: [RAVI], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('c2')]);
    await t.drain();
    expect(t.sent.map((s) => s.record.id)).toEqual(['c2']);
  });

  it("when the user asked 'tell me when it's ready', then the card comes whatever the verdict, mode or quiet hours, and the request is used up", async () => {
    const t = setup({ rules: { quietHours: { start: '00:00', end: '23:59' } } });
    await t.install(ALEX);
    await t.bot.alertPreferences.set({ tenantId: TENANT, userId: ALEX.id }, 'off');
    const user = { tenantId: TENANT, userId: ALEX.id };
    await t.bot.pending.add({ user, requestedAt: new Date(START.getTime() - 5 * 60_000), expiresAt: new Date(START.getTime() + 145 * 60_000) });
    t.call({ id: 'c1', start: minutesAgo(30), minutes: 20, with: [RAVI], quality: 'good' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent.map((s) => [s.record.id, s.reason, s.diagnosis.verdict])).toEqual([['c1', 'pending', 'good']]);
    expect(await t.bot.pending.take(user, START)).toEqual([]);
  });

  it("when a record of an older call arrives, then a 'tell me when it's ready' request stays open for the call it was about", async () => {
    const t = setup();
    await t.install(ALEX);
    const user = { tenantId: TENANT, userId: ALEX.id };
    await t.bot.pending.add({ user, requestedAt: START, expiresAt: new Date(START.getTime() + 150 * 60_000) });
    t.call({ id: 'old', start: minutesAgo(24 * 60), with: [RAVI], quality: 'good' });
    await t.alerts.queue.enqueue([t.work('old')]);
    await t.drain();
    expect(t.sent).toEqual([]);
    expect(await t.bot.pending.take(user, START)).toHaveLength(1);
  });

  it('when a user never installed the bot, then they get nothing while a colleague on the call does', async () => {
    const t = setup();
    await t.install(RAVI);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped' });
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent.map((s) => s.userId)).toEqual([RAVI.id]);
  });

  it('when Graph fails, then the work is retried with growing delays and alerts once it recovers', async () => {
    const t = setup();
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped' });
    t.failFeed(2);
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent).toEqual([]);
    await t.clock.advance(1_000); // first backoff: 1 s
    await t.drain();
    expect(t.sent).toEqual([]);
    await t.clock.advance(1_000); // second backoff is 2 s: not yet
    await t.drain();
    expect(t.fetches).toHaveLength(2);
    await t.clock.advance(1_000);
    await t.drain();
    expect(t.sent).toHaveLength(1);
  });

  it('when the connector fails, then the claim is released and the retry sends the card once', async () => {
    const t = setup();
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped' });
    t.failSend(1);
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    await t.clock.advance(1_000);
    await t.drain();
    expect(t.sent).toHaveLength(1);
    expect((await t.alerts.log.listForUser({ tenantId: TENANT, userId: ALEX.id })).map((e) => e.state)).toEqual(['sent']);
  });

  it('when a message keeps failing, then after the last attempt it is in the poison list with its reason, never dropped silently', async () => {
    const t = setup();
    await t.install(ALEX);
    await t.alerts.queue.enqueue([t.work('missing')]);
    for (let i = 0; i < 6; i += 1) {
      await t.drain();
      await t.clock.advance(10_000);
    }
    const poison = await t.alerts.queue.listPoison(10);
    expect(poison.map((p) => [p.work.callId, p.attempts])).toEqual([['missing', 4]]);
    expect(poison[0]!.reason).toMatch(/GraphError 404: not found/);
    expect(await t.alerts.queue.receive(10, 1_000)).toEqual([]);
  });

  it('when a previous process died after claiming but before recording the send, then the retry sends again (at-least-once)', async () => {
    const t = setup({ tuning: { claimStaleMs: 60_000 } });
    await t.install(ALEX);
    t.call({ id: 'c1', start: minutesAgo(40), with: [RAVI], quality: 'dropped' });
    await t.alerts.log.claim({ tenantId: TENANT, userId: ALEX.id, callId: 'c1' }, 'alert', 60_000);
    await t.alerts.queue.enqueue([t.work('c1')]);
    await t.drain();
    expect(t.sent).toEqual([]); // a fresh claim could be a live worker mid-send
    await t.clock.advance(60_000);
    await t.drain();
    expect(t.sent).toHaveLength(1);
  });
});
