// The alert work queue (server/alerts/ports.ts AlertQueue) on an Azure Storage Queue, shared by
// every instance: at-least-once, a received message is invisible to the others until its
// visibility timeout ends, and the service's dequeue count is the attempt number. Poisoned
// messages move to a table, so the admin view lists them newest first without draining a queue.
//
// Visibility is kept by the service in its own time (whole seconds, rounded up so nothing
// reappears early); the injected clock only stamps poison entries.
import { odata } from '@azure/data-tables';
import type { AlertQueue, AlertWork, LeasedWork, PoisonEntry } from '../../alerts/ports.js';
import { toVisibilitySeconds, type AzureQueue, type ReceivedMessage } from './queues.js';
import type { AzureTables } from './tables.js';

const POISON_PARTITION = 'poison';
/** Long enough to write the poison entry before anyone else could receive the message again. */
const POISON_HOLD_SECONDS = 60;
/** A table string property holds 32 K characters; a reason is a sentence, this keeps it bounded. */
const MAX_REASON_CHARS = 2_000;
/** Row keys sort ascending; counting down from here puts the newest poison entry first. */
const NEWEST_FIRST_BASE = 9_999_999_999_999;

const CHANGE_TYPES: readonly AlertWork['changeType'][] = ['created', 'updated', 'backfill'];
const SOURCES: readonly AlertWork['source'][] = ['notification', 'backfill', 'pending'];

interface Receipt {
  readonly messageId: string;
  readonly popReceipt: string;
}

export function azureAlertQueue(queue: AzureQueue, tables: AzureTables, now: () => Date): AlertQueue {
  const poisonTable = () => tables.table('alertPoison');

  const writePoison = async (messageId: string, entry: PoisonEntry) => {
    const rowKey = `${String(NEWEST_FIRST_BASE - entry.poisonedAt.getTime()).padStart(13, '0')}|${messageId}`;
    await (await poisonTable()).upsertEntity(
      { partitionKey: POISON_PARTITION, rowKey, work: JSON.stringify(toJson(entry.work)), reason: entry.reason.slice(0, MAX_REASON_CHARS), attempts: entry.attempts, poisonedAtMs: entry.poisonedAt.getTime() },
      'Replace',
    );
  };

  /** Holds the message, records it as poison, then deletes it: it is never lost and never delivered again. */
  const poisonMessage = async (receipt: Receipt, work: AlertWork, attempts: number, reason: string) => {
    const held = await queue.hide(receipt.messageId, receipt.popReceipt, POISON_HOLD_SECONDS);
    if (held === undefined) return; // Another receiver has it now; it decides.
    await writePoison(receipt.messageId, { work, reason, attempts, poisonedAt: now() });
    await queue.delete(receipt.messageId, held);
  };

  return {
    async enqueue(messages) {
      await queue.sendAll(messages.map(toJson));
    },

    async receive(max, visibilityTimeoutMs) {
      if (max <= 0) return [];
      // Receive Messages takes 1 s at least.
      const received = await queue.receive(max, Math.max(1, toVisibilitySeconds(visibilityTimeoutMs)));
      const leased: LeasedWork[] = [];
      for (const message of received) {
        const work = fromJson(message.body);
        if (work) leased.push({ work, attempt: message.dequeueCount, receipt: JSON.stringify({ messageId: message.messageId, popReceipt: message.popReceipt }) });
        else await poisonUnreadable(message);
      }
      return leased;
    },

    async complete(leased) {
      const receipt = readReceipt(leased);
      return queue.delete(receipt.messageId, receipt.popReceipt);
    },

    async retryLater(leased, delayMs) {
      const receipt = readReceipt(leased);
      return (await queue.hide(receipt.messageId, receipt.popReceipt, toVisibilitySeconds(delayMs))) !== undefined;
    },

    async poison(leased, reason) {
      await poisonMessage(readReceipt(leased), leased.work, leased.attempt, reason);
    },

    async listPoison(limit) {
      if (limit <= 0) return [];
      const pages = (await poisonTable()).listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${POISON_PARTITION}` } }).byPage({ maxPageSize: Math.min(limit, 1_000) });
      const out: PoisonEntry[] = [];
      for await (const page of pages) {
        for (const entity of page) {
          const work = fromJson(JSON.parse(String(entity.work)));
          if (work) out.push({ work, reason: String(entity.reason), attempts: Number(entity.attempts), poisonedAt: new Date(Number(entity.poisonedAtMs)) });
          if (out.length >= limit) return out;
        }
      }
      return out;
    },
  };

  /** Something on the queue that is not a work item (written by another program): kept for the admin, not retried forever. */
  async function poisonUnreadable(message: ReceivedMessage) {
    const placeholder: AlertWork = { callId: '(unreadable)', changeType: 'created', tenantId: '', receivedAt: now(), source: 'notification' };
    await poisonMessage({ messageId: message.messageId, popReceipt: message.popReceipt }, placeholder, message.dequeueCount, 'unreadable queue message: not a Call Doctor work item');
  }
}

function readReceipt(leased: LeasedWork): Receipt {
  const parsed = JSON.parse(leased.receipt) as Partial<Receipt>;
  if (typeof parsed.messageId !== 'string' || typeof parsed.popReceipt !== 'string') throw new TypeError('not a receipt from the Azure alert queue');
  return { messageId: parsed.messageId, popReceipt: parsed.popReceipt };
}

function toJson(work: AlertWork) {
  return { callId: work.callId, changeType: work.changeType, tenantId: work.tenantId, receivedAt: work.receivedAt.toISOString(), source: work.source };
}

function fromJson(body: unknown): AlertWork | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { callId, changeType, tenantId, receivedAt, source } = body as Record<string, unknown>;
  if (typeof callId !== 'string' || typeof tenantId !== 'string' || typeof receivedAt !== 'string') return undefined;
  if (!CHANGE_TYPES.includes(changeType as AlertWork['changeType']) || !SOURCES.includes(source as AlertWork['source'])) return undefined;
  const at = new Date(receivedAt);
  if (Number.isNaN(at.getTime())) return undefined;
  return { callId, changeType: changeType as AlertWork['changeType'], tenantId, receivedAt: at, source: source as AlertWork['source'] };
}
