// Delivery of change and lifecycle notifications to the subscriber (§7.3): a 2xx within the
// delivery timeout (3 s) counts; anything else is retried on a schedule, then dropped.
import { InFlight } from '../http/inFlight.js';

export interface DeliveryTiming {
  /** Graph: 3 s. */
  readonly deliveryTimeoutMs: number;
  /** Waits before each retry; after the last one the notification is dropped (Graph: up to 4 h). */
  readonly redeliveryDelaysMs: readonly number[];
  /** Graph: 10 s for the validation handshake. */
  readonly validationTimeoutMs: number;
  /**
   * Delay between a record appearing and its notification; default 0 here. Graph documents under
   * 30 minutes on average and at most 150 minutes for a record's first version (§6).
   */
  readonly notificationLatencyMs: number;
  /** When set, each change waits a delay spread evenly over [notificationLatencyMs, this], fixed per record version. */
  readonly notificationLatencyMaxMs?: number;
  /** Send reauthorizationRequired this long before a subscription expires. */
  readonly reauthorizationLeadMs: number;
}

export const GRAPH_TIMING: DeliveryTiming = {
  deliveryTimeoutMs: 3000,
  redeliveryDelaysMs: [10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000, 2_700_000],
  validationTimeoutMs: 10_000,
  notificationLatencyMs: 0,
  reauthorizationLeadMs: 60 * 60_000,
};

export interface DeliveryAttempt {
  readonly url: string;
  readonly kind: 'change' | 'lifecycle';
  readonly attempt: number;
  /** HTTP status, or 0 for a timeout or a connection error. */
  readonly status: number;
  readonly delivered: boolean;
  readonly notifications: number;
  /**
   * Why the exchange broke off, when it did: the error name and system code, e.g. 'TimeoutError'
   * or 'TypeError (ECONNREFUSED)'; with a status it was the answer's body that never completed.
   * Undefined when the receiver answered in full (its status then says how it went).
   */
  readonly failure?: string;
}

/** Runs an action after a delay; the emulator passes its clock's, so advancing the clock fires what is due. */
export type Schedule = (ms: number, action: () => void) => void;

interface PostOutcome {
  readonly status: number;
  readonly failure?: string;
}

/** Kept for tests and GET /_emulator/notifications; bounded so a long demo does not grow. */
const MAX_HISTORY = 10_000;

export class Deliverer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly attempts: DeliveryAttempt[] = [];
  private readonly inFlight = new InFlight();
  /** End markers of queued or in-flight deliveries, released on close so settle() cannot hang. */
  private readonly unfinished = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly timing: DeliveryTiming,
    private readonly log: (message: string) => void,
    /** Real-time timers when absent. */
    private readonly schedule?: Schedule,
  ) {}

  history(): readonly DeliveryAttempt[] {
    return [...this.attempts];
  }

  /** Deliveries queued (waiting out the notification latency) or being posted; not retries waiting for their turn. */
  get pending(): number {
    return this.inFlight.count;
  }

  /** Resolves once every queued delivery has had its attempt recorded. */
  settle(): Promise<void> {
    return this.inFlight.idle();
  }

  /** Delivers after `delayMs`, counted as pending from now so settle() covers the wait (advance the clock to shorten it). */
  queue(delayMs: number, url: string, kind: DeliveryAttempt['kind'], notifications: readonly object[]): void {
    if (this.closed) return;
    const done = this.track();
    this.later(delayMs, () => this.attempt(url, kind, notifications, 1, done));
  }

  /** Posts `{ value: notifications }` now, retrying per the schedule until a 2xx. */
  send(url: string, kind: DeliveryAttempt['kind'], notifications: readonly object[], attempt = 1): void {
    if (this.closed) return;
    this.attempt(url, kind, notifications, attempt, this.track());
  }

  private attempt(url: string, kind: DeliveryAttempt['kind'], notifications: readonly object[], attempt: number, done: () => void): void {
    if (this.closed) return done();
    void this.post(url, { value: notifications })
      .then(({ status, failure }) => {
        // An answer only counts once it has arrived in full within the timeout.
        const delivered = status >= 200 && status < 300 && failure === undefined;
        this.attempts.push({ url, kind, attempt, status, delivered, notifications: notifications.length, ...(failure !== undefined && { failure }) });
        if (this.attempts.length > MAX_HISTORY) this.attempts.splice(0, this.attempts.length - MAX_HISTORY);
        if (delivered) return;
        const delay = this.timing.redeliveryDelaysMs[attempt - 1];
        if (delay === undefined) {
          this.log(`dropped ${notifications.length} ${kind} notification(s) after ${attempt} attempts; the last ended with ${failure ?? `HTTP ${status}`}`);
          return;
        }
        this.later(delay, () => this.send(url, kind, notifications, attempt + 1));
      })
      .finally(done);
  }

  private track(): () => void {
    const end = this.inFlight.begin();
    const done = (): void => {
      this.unfinished.delete(done);
      end();
    };
    this.unfinished.add(done);
    return done;
  }

  later(ms: number, action: () => void): void {
    if (this.closed) return;
    if (this.schedule) return this.schedule(ms, () => void (this.closed || action()));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const done of [...this.unfinished]) done();
  }

  private async post(url: string, body: object): Promise<PostOutcome> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timing.deliveryTimeoutMs),
      });
    } catch (error) {
      return { status: 0, failure: describeFailure(error) }; // timeout, refused or reset: not delivered
    }
    try {
      await response.arrayBuffer();
      return { status: response.status };
    } catch (error) {
      return { status: response.status, failure: `body: ${describeFailure(error)}` };
    }
  }
}

/**
 * The error's name and the system code under it (fetch wraps ECONNREFUSED in a TypeError's cause).
 * Messages are left out: they carry the receiver's address, which has no place in logs.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = error.cause as { code?: unknown; name?: unknown } | undefined;
  const code = (error as { code?: unknown }).code ?? cause?.code ?? (cause instanceof Error ? cause.name : undefined);
  return typeof code === 'string' && code !== error.name ? `${error.name} (${code})` : error.name;
}

/** The webhook validation handshake (§7.2): the receiver must echo the token as text/plain with 200. */
export async function validateEndpoint(url: string, token: string, timeoutMs: number): Promise<string | undefined> {
  const target = new URL(url);
  target.searchParams.set('validationToken', token);
  try {
    const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '', signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status !== 200) return `the endpoint answered ${response.status} instead of 200 OK`;
    if (!(response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain')) return 'the endpoint must answer with Content-Type text/plain';
    if (text !== token) return 'the response body must be exactly the decoded validationToken';
    return undefined;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? `the endpoint did not answer within ${timeoutMs / 1000} seconds` : `the endpoint could not be reached (${describeFailure(error)})`;
  }
}
