// Issue #12, scale-out: two real server processes with STORE=azure share one Azure Storage account
// (Azurite) behind one public URL (a loopback round-robin balancer, as App Service spreads
// requests), against one Graph emulator. Poor calls for people who installed the bot produce
// exactly one alert card each at a loopback Bot Connector, whichever instance took Graph's
// notification and whichever drained the queue, even when the notification is delivered twice
// and the record gets a new version, or the instance working on a call is SIGKILLed; and the
// emulator holds exactly one subscription (the lease).
import { randomUUID } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, visibleText } from '../bot/testing/cardReading.js';
import { loadConfig, type AppConfig } from '../server/config/index.js';
import { createAzureStore, type AzureStore } from '../server/store/azure/createAzureStore.js';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { startEmulator, type EmulatorHandle, type GroundTruth } from './support/emulator.js';
import { freePort } from './support/ports.js';
import { startRoundRobin, type RoundRobin } from './support/roundRobin.js';
import { startServerInstance, type ServerInstance } from './support/serverInstance.js';
import { participantIds, startLoopbackConnector, type LoopbackConnector, type RecordedActivity } from './server-harness.js';

type Json = Record<string, unknown>;

const QUEUE = 'e2e-alerts';
const CLIENT_STATE = 'two-instances-share-this-client-state';
const PEOPLE = 3;
/** ALERTS_LEASE_SECONDS: short, so work a killed instance held comes back soon; long enough that no live send outlasts it. */
const LEASE_SECONDS = 15;

let azurite: RunningAzurite;
let emulator: EmulatorHandle;
let connector: LoopbackConnector;
let balancer: RoundRobin;
let instances: ServerInstance[] = [];
let ports: number[] = [];
/** The test's own view of the shared account, to see when the work is done. */
let shared: AzureStore;

beforeAll(async () => {
  [azurite, emulator, connector, balancer] = await Promise.all([startAzurite(), startEmulator({ notificationTiming: { redeliveryDelaysMs: [200, 500, 1_000] } }), startLoopbackConnector(), startRoundRobin()]);
  shared = createAzureStore({ connectionString: azurite.connectionString, now: () => new Date(), alertsQueue: QUEUE });
  ports = [await freePort(), await freePort()];
  // The balancer knows both before either starts: the first subscription's validation handshake may land on either.
  balancer.setBackends(ports.map((port) => `http://127.0.0.1:${port}`));
  instances = await Promise.all(ports.map((port, i) => startServerInstance(`instance ${i + 1}`, configFor(port))));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await Promise.all([balancer?.close(), connector?.close(), emulator?.close(), azurite?.stop()]);
});

function configFor(port: number): AppConfig {
  const base = loadConfig(
    {
      PORT: String(port),
      PUBLIC_URL: balancer.url,
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_ALERTS_QUEUE: QUEUE,
      ALERTS_CLIENT_STATE: CLIENT_STATE,
      ALERTS_LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: 'info',
    },
    [],
  );
  return { ...base, graph: { tenantId: emulator.tenantId, clientId: emulator.clientId, auth: { kind: 'secret', clientSecret: emulator.clientSecret }, baseUrl: emulator.baseUrl, authorityHost: emulator.baseUrl } };
}

/** People whose scenario was a poor or dropped call of their own, each on a call with none of the others. */
function poorCallsOfDistinctPeople(count: number): { userId: string; record: Json }[] {
  const tenant = emulator.tenant!;
  const picked: { userId: string; record: Json }[] = [];
  const badForThem = (truth: GroundTruth) => (truth.verdict === 'poor' || truth.verdict === 'dropped') && truth.side === 'you' && !truth.ambiguous;
  for (const truth of tenant.groundTruth.filter(badForThem)) {
    const record = tenant.records.find((r) => r.id === truth.callId) as Json | undefined;
    if (!record || picked.some((p) => p.userId === truth.userId)) continue;
    const people = participantIds(record);
    if (picked.some((p) => people.includes(p.userId) || participantIds(p.record).includes(truth.userId))) continue;
    picked.push({ userId: truth.userId, record });
    if (picked.length === count) return picked;
  }
  throw new Error(`the generated tenant has fewer than ${count} separate poor calls`);
}

function installActivity(userId: string): Json {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: `install-${userId}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${userId}`, name: 'Someone', aadObjectId: userId },
    recipient: { id: '28:call-doctor', name: 'Call Doctor' },
    conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: emulator.tenantId },
    channelData: { tenant: { id: emulator.tenantId } },
    locale: 'en-US',
  };
}

/** Everything the bot sent into the person's chat except the welcome, which answers the install activity. */
const alertsTo = (userId: string): RecordedActivity[] =>
  connector.received.filter((a) => {
    const [, , , conversation, , replyTo] = a.path.split('?')[0]!.split('/').map(decodeURIComponent);
    return conversation === `a:personal-${userId}` && replyTo !== `install-${userId}`;
  });

/** How many cards the instances say they sent, each instance counted apart. */
const sentBy = (instance: ServerInstance): number => instance.lines.filter((line) => line.includes('"msg":"alert sent"')).length;
const sentByInstance = (): number[] => instances.map(sentBy);

async function subscriptions(): Promise<Json[]> {
  const token = await emulator.appToken(['CallRecords.Read.All']);
  const response = await fetch(`${emulator.baseUrl}/v1.0/subscriptions`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: Json[] }).value;
}

/** The queue holds nothing, leased or not: every message was completed (or poisoned, which a test checks separately). */
async function queueDrained(timeoutMs: number): Promise<void> {
  const queue = new QueueClient(azurite.connectionString, QUEUE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await emulator.settle();
    const { approximateMessagesCount } = await queue.getProperties();
    if (approximateMessagesCount === 0) return;
    if (Date.now() > deadline) throw new Error(`the alert queue still holds ${approximateMessagesCount} messages after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('alerts with STORE=azure and two server instances sharing one queue', () => {
  let people: { userId: string; record: Json }[];
  let newCalls: Json[];

  it('when both instances have started, then exactly one call-records subscription exists, pointing at the shared public URL', async () => {
    const found = await until('the subscription', async () => {
      const all = await subscriptions();
      return all.length > 0 ? all : undefined;
    });
    // Counted again after the other tests, once both managers have long had their turns.
    expect(found).toHaveLength(1);
    expect(found[0]!.resource).toBe('/communications/callRecords');
    expect(found[0]!.notificationUrl).toBe(`${balancer.url}/api/notifications`);
    // The shared state names it, and an instance holds the lease (a newcomer is refused).
    expect((await shared.alerts.subscriptions.get('callRecords'))?.subscriptionId).toBe(found[0]!.id);
    expect(await shared.alerts.leases.acquire('callRecords', 'a third instance', 60_000)).toBeUndefined();
  });

  it('when poor calls happen to people who installed the bot, then each gets exactly one alert card, from whichever instance', async () => {
    people = poorCallsOfDistinctPeople(PEOPLE);
    for (const { userId } of people) {
      const response = await fetch(`${balancer.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installActivity(userId)) });
      expect(response.status).toBeLessThan(300);
    }
    await until('the conversation references', async () => ((await Promise.all(people.map((p) => shared.bot.conversations.get({ tenantId: emulator.tenantId, userId: p.userId })))).every(Boolean) ? true : undefined));

    newCalls = people.map(({ record }) => ({ ...record, id: randomUUID(), version: 1 }));
    for (const call of newCalls) await emulator.addRecord(call);

    await until('an alert for everyone', () => (people.every((p) => alertsTo(p.userId).length >= 1) ? true : undefined), 60_000);
    await queueDrained(30_000);
    for (const [i, { userId }] of people.entries()) {
      const alerts = alertsTo(userId);
      expect(alerts, `alerts sent to person ${i + 1}`).toHaveLength(1);
      const text = visibleText(alerts[0]!.activity);
      expect(text).toMatch(/poor|dropped/i);
      expect(buttons(alerts[0]!.activity).map((b) => b.title)).toEqual(expect.arrayContaining(['Show segments', 'Not helpful', 'Stop these alerts']));
      const logged = await shared.alerts.log.listForUser({ tenantId: emulator.tenantId, userId });
      expect(logged.map((e) => [e.callId, e.state])).toEqual([[newCalls[i]!.id, 'sent']]);
    }
    expect(await shared.alerts.queue.listPoison(10)).toEqual([]);
    // The balancer gave each instance some of Graph's notifications; between them they sent each card once.
    const served = [...balancer.served.values()];
    expect(served).toHaveLength(2);
    expect(Math.min(...served)).toBeGreaterThan(0);
    expect(sentByInstance().reduce((a, b) => a + b, 0)).toBe(PEOPLE);
  }, 90_000);

  it('when Graph delivers the notification again to the other instance and the record gets a new version, then nobody gets a second card', async () => {
    const [subscription] = await subscriptions();
    emulator.clearRequests();
    for (const [i, call] of newCalls.entries()) {
      const id = String(call.id);
      const body = {
        value: [
          {
            subscriptionId: subscription!.id,
            clientState: CLIENT_STATE,
            changeType: 'created',
            resource: `communications/callRecords/${id}`,
            resourceData: { '@odata.type': '#microsoft.graph.callrecord', '@odata.id': `communications/callRecords/${id}`, id },
            tenantId: emulator.tenantId,
            subscriptionExpirationDateTime: subscription!.expirationDateTime,
          },
        ],
      };
      // Straight to each instance in turn, not through the balancer: both take a copy.
      for (const instance of instances) {
        const response = await fetch(`${instance.baseUrl}/api/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(response.status, `redelivery ${i + 1} to ${instance.name}`).toBe(202);
      }
      await emulator.addRecord({ ...call, version: 2 });
    }
    await queueDrained(30_000);
    // Every copy reached a worker, which looked the record up again (a version probe) and sent nothing.
    for (const call of newCalls) expect(emulator.requests().some((r) => r.method === 'GET' && r.path.endsWith(`/communications/callRecords/${String(call.id)}`)), `call ${String(call.id)} looked up again`).toBe(true);
    for (const { userId } of people) expect(alertsTo(userId)).toHaveLength(1);
    expect(sentByInstance().reduce((a, b) => a + b, 0)).toBe(PEOPLE);
    for (const instance of instances) expect(instance.lines.some((line) => line.includes('notifications dropped'))).toBe(false);
    expect(await shared.alerts.queue.listPoison(10)).toEqual([]);
    expect(await subscriptions()).toHaveLength(1);
  }, 90_000);

  it('when the instance working on a call is SIGKILLed, then another instance sends its alert once the lease lapses, once', async () => {
    // Only instance 1 runs when the work is taken, so it is the one that dies holding it.
    await instances[1]!.stop();
    balancer.setBackends([instances[0]!.baseUrl]);
    const { userId, record } = people[0]!;
    const call = { ...record, id: randomUUID(), version: 1 };
    // Every fetch of the record hangs (and times out), so the work stays taken and undone.
    emulator.clearRequests();
    emulator.injectFaults({ latencyMs: 60_000, pathIncludes: String(call.id), count: Number.POSITIVE_INFINITY });
    await emulator.addRecord(call);
    await until('the record fetch in flight', () => (emulator.requests().some((r) => r.path.includes(String(call.id)) && r.status === undefined) ? true : undefined));
    const survivor = await startServerInstance('instance 3', configFor(ports[1]!));
    instances = [instances[0]!, survivor, instances[1]!];
    balancer.setBackends([survivor.baseUrl]);
    await instances[0]!.kill();
    emulator.clearFaults();

    await until('the alert from the surviving instance', () => (alertsTo(userId).length >= 2 ? true : undefined), 100_000);
    await queueDrained(30_000);
    expect(alertsTo(userId)).toHaveLength(2); // the first test's call, and this one
    expect(sentBy(survivor)).toBe(1);
    expect((await shared.alerts.log.listForUser({ tenantId: emulator.tenantId, userId })).map((e) => [e.callId, e.state])).toContainEqual([call.id, 'sent']);
    expect(await subscriptions()).toHaveLength(1);
  }, 180_000);
});
