// Azure Storage Queue plumbing for STORE=azure: one queue, created on first use, carrying JSON
// bodies base64-encoded (the convention Azure Functions and Storage Explorer read), and a lost
// lease (a stale pop receipt) told apart from a real failure.
import { RestError, QueueClient } from '@azure/storage-queue';

/** The service's limit on one message, after encoding. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Receive Messages hands out at most 32 per request. */
const MAX_PER_RECEIVE = 32;
/** Sends in flight at once when enqueuing a batch: each is one HTTP round trip. */
const SEND_CONCURRENCY = 16;

export interface ReceivedMessage {
  readonly messageId: string;
  readonly popReceipt: string;
  /** The decoded JSON body; undefined when the text was not ours (not base64 JSON). */
  readonly body: unknown;
  /** How many times the service has handed it out, this time included. */
  readonly dequeueCount: number;
}

export class AzureQueue {
  private client: Promise<QueueClient> | undefined;

  constructor(
    private readonly connectionString: string,
    /** 3-63 lower-case letters, digits and single hyphens. */
    readonly name: string,
  ) {}

  private queue(): Promise<QueueClient> {
    if (!this.client) {
      const created = new QueueClient(this.connectionString, this.name);
      const ready = created.createIfNotExists().then(() => created);
      // A failed creation (account unreachable) is retried on the next call rather than cached.
      ready.catch(() => {
        if (this.client === ready) this.client = undefined;
      });
      this.client = ready;
    }
    return this.client;
  }

  /** Sends every body; resolves once the service has stored all of them. Messages never expire (time to live -1). */
  async sendAll(bodies: readonly unknown[]): Promise<void> {
    const texts = bodies.map(encode);
    const queue = await this.queue();
    let next = 0;
    const sender = async () => {
      while (next < texts.length) {
        const text = texts[next++]!;
        await queue.sendMessage(text, { messageTimeToLive: -1 });
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, texts.length) }, sender));
  }

  /** Leases up to `max` messages, each invisible to others for `visibilitySeconds`. */
  async receive(max: number, visibilitySeconds: number): Promise<ReceivedMessage[]> {
    const queue = await this.queue();
    const out: ReceivedMessage[] = [];
    while (out.length < max) {
      const want = Math.min(MAX_PER_RECEIVE, max - out.length);
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: want, visibilityTimeout: visibilitySeconds });
      for (const item of receivedMessageItems) out.push({ messageId: item.messageId, popReceipt: item.popReceipt, body: decode(item.messageText), dequeueCount: item.dequeueCount });
      if (receivedMessageItems.length < want) break;
    }
    return out;
  }

  /** Makes a leased message visible again after `visibilitySeconds`; undefined when the lease was lost. */
  async hide(messageId: string, popReceipt: string, visibilitySeconds: number): Promise<string | undefined> {
    const queue = await this.queue();
    try {
      const updated = await queue.updateMessage(messageId, popReceipt, undefined, visibilitySeconds);
      return updated.popReceipt;
    } catch (error) {
      if (isLostLease(error)) return undefined;
      throw error;
    }
  }

  /** Deletes a leased message; false when the lease was lost (expired and taken, or already deleted). */
  async delete(messageId: string, popReceipt: string): Promise<boolean> {
    const queue = await this.queue();
    try {
      await queue.deleteMessage(messageId, popReceipt);
      return true;
    } catch (error) {
      if (isLostLease(error)) return false;
      throw error;
    }
  }
}

/** The service refuses a visibility timeout beyond 7 days. */
const MAX_VISIBILITY_SECONDS = 7 * 24 * 60 * 60;

/** Milliseconds to the service's whole seconds, rounded up so a message is never visible early, and at most 7 days. */
export function toVisibilitySeconds(ms: number): number {
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, Math.ceil(ms / 1000)));
}

function encode(body: unknown): string {
  const text = Buffer.from(JSON.stringify(body), 'utf8').toString('base64');
  if (text.length > MAX_MESSAGE_BYTES) throw new RangeError(`Queue message is ${text.length} bytes encoded; Azure Storage Queue takes at most ${MAX_MESSAGE_BYTES}`);
  return text;
}

function decode(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** 404 MessageNotFound (deleted, or its visibility ran out and it was taken) or 400 PopReceiptMismatch. */
function isLostLease(error: unknown): boolean {
  if (!(error instanceof RestError)) return false;
  return error.statusCode === 404 || (error.statusCode === 400 && error.code === 'PopReceiptMismatch');
}
