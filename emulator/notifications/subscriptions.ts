// Subscriptions to /communications/callRecords and the notifications they produce (§7):
// handshake on create, 4,230-minute cap, quota of 100 per organisation, 409 on duplicates,
// created once per record and updated on every version, reauthorizationRequired before expiry.
import { createHash, randomUUID } from 'node:crypto';
import { GraphHttpError } from '../http/graphError.js';
import { servicePrincipalId } from '../identity/tokens.js';
import type { RecordChange } from '../store/recordStore.js';
import { Deliverer, validateEndpoint, type DeliveryAttempt, type DeliveryTiming, type Schedule } from './delivery.js';
import { parseChangeType, parseExpiration, parseSubscriptionRequest, type SubscriptionRequest } from './subscriptionRequest.js';

export const SUBSCRIPTION_QUOTA = 100;

interface Stored extends SubscriptionRequest {
  readonly id: string;
  readonly applicationId: string;
  expiration: Date;
  changeTypes: ReadonlySet<'created' | 'updated'>;
  /** Records this subscription already announced as created. */
  readonly announced: Set<string>;
  reauthorizationTimer?: boolean;
}

export interface SubscriptionDeps {
  readonly tenantId: string;
  readonly now: () => Date;
  readonly timing: DeliveryTiming;
  readonly log: (message: string) => void;
  /** The emulator clock's timers (real-time ones when absent). */
  readonly schedule?: Schedule;
}

export class SubscriptionManager {
  private readonly subscriptions = new Map<string, Stored>();
  private readonly deliverer: Deliverer;

  constructor(private readonly deps: SubscriptionDeps) {
    this.deliverer = new Deliverer(deps.timing, deps.log, deps.schedule);
  }

  async create(body: unknown, appId: string): Promise<Record<string, unknown>> {
    const request = parseSubscriptionRequest(body, this.deps.now());
    this.dropExpired();
    const duplicate = [...this.subscriptions.values()].find((s) => s.applicationId === appId && s.resourceKey === request.resourceKey && sameTypes(s.changeTypes, request.changeTypes));
    if (duplicate) throw new GraphHttpError(409, 'Conflict', `Subscription Id ${duplicate.id} already exists for the requested combination`);
    if (this.subscriptions.size >= SUBSCRIPTION_QUOTA) {
      throw new GraphHttpError(403, 'Forbidden', `Subscription quota exceeded: an organization can have at most ${SUBSCRIPTION_QUOTA} subscriptions to communications/callRecords.`);
    }
    for (const [name, url] of [['notificationUrl', request.notificationUrl], ['lifecycleNotificationUrl', request.lifecycleNotificationUrl]] as const) {
      if (!url) continue;
      const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
      const problem = await validateEndpoint(url, token, this.deps.timing.validationTimeoutMs);
      if (problem) throw new GraphHttpError(400, 'ValidationError', `Subscription validation request failed for ${name}: ${problem}.`);
    }
    const stored: Stored = { ...request, id: randomUUID(), applicationId: appId, expiration: request.expirationDateTime, announced: new Set() };
    this.subscriptions.set(stored.id, stored);
    this.scheduleReauthorization(stored);
    return this.view(stored);
  }

  get(id: string, appId: string): Record<string, unknown> {
    return this.view(this.find(id, appId));
  }

  list(appId: string): Record<string, unknown>[] {
    this.dropExpired();
    return [...this.subscriptions.values()].filter((s) => s.applicationId === appId).map((s) => this.view(s));
  }

  update(id: string, appId: string, body: unknown): Record<string, unknown> {
    const stored = this.find(id, appId);
    const patch = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    for (const key of Object.keys(patch)) {
      if (!['expirationDateTime', 'changeType'].includes(key)) {
        throw new GraphHttpError(400, 'InvalidRequest', key === 'lifecycleNotificationUrl' ? 'lifecycleNotificationUrl cannot be added or changed by PATCH; delete the subscription and create it again.' : `Property '${key.slice(0, 60)}' cannot be updated.`);
      }
    }
    if (patch.expirationDateTime !== undefined) stored.expiration = parseExpiration(patch.expirationDateTime, this.deps.now());
    if (patch.changeType !== undefined) stored.changeTypes = parseChangeType(patch.changeType);
    this.scheduleReauthorization(stored);
    return this.view(stored);
  }

  remove(id: string, appId: string): void {
    this.subscriptions.delete(this.find(id, appId).id);
  }

  reauthorize(id: string, appId: string): void {
    this.scheduleReauthorization(this.find(id, appId));
  }

  /** Called for every record added or revised. */
  onRecordChange(change: RecordChange): void {
    this.dropExpired();
    const byUrl = new Map<string, Record<string, unknown>[]>();
    for (const s of this.subscriptions.values()) {
      if (s.participantIds && !change.participantIds.some((id) => s.participantIds!.has(id))) continue;
      const types: ('created' | 'updated')[] = [];
      if (s.changeTypes.has('created') && !s.announced.has(change.id)) types.push('created');
      // Graph raises `updated` for the first version too (creating a record also updates it).
      if (s.changeTypes.has('updated')) types.push('updated');
      s.announced.add(change.id);
      for (const changeType of types) {
        const batch = byUrl.get(s.notificationUrl) ?? [];
        batch.push(this.notification(s, changeType, change.id));
        byUrl.set(s.notificationUrl, batch);
      }
    }
    const delay = notificationDelay(this.deps.timing, change);
    for (const [url, notifications] of byUrl) this.deliverer.queue(delay, url, 'change', notifications);
  }

  /** Sends reauthorizationRequired now (tests and the admin route use this). */
  sendLifecycleEvent(id: string): boolean {
    const s = this.subscriptions.get(id);
    if (!s?.lifecycleNotificationUrl) return false;
    this.deliverer.send(s.lifecycleNotificationUrl, 'lifecycle', [
      { subscriptionId: s.id, subscriptionExpirationDateTime: s.expiration.toISOString(), tenantId: this.deps.tenantId, clientState: s.clientState, lifecycleEvent: 'reauthorizationRequired' },
    ]);
    return true;
  }

  deliveries(): readonly DeliveryAttempt[] {
    return this.deliverer.history();
  }

  /** Notifications queued or being posted (retries waiting for their next turn are not counted). */
  get pendingDeliveries(): number {
    return this.deliverer.pending;
  }

  /** Resolves once every notification queued so far has had its delivery attempt recorded. */
  settleDeliveries(): Promise<void> {
    return this.deliverer.settle();
  }

  close(): void {
    this.deliverer.close();
  }

  private scheduleReauthorization(s: Stored): void {
    if (!s.lifecycleNotificationUrl) return;
    const due = s.expiration.getTime() - this.deps.timing.reauthorizationLeadMs - this.deps.now().getTime();
    const expiration = s.expiration.getTime();
    // A renewal moves the expiry; the timer for the old expiry then does nothing.
    this.deliverer.later(Math.max(0, due), () => {
      if (this.subscriptions.get(s.id) === s && s.expiration.getTime() === expiration) this.sendLifecycleEvent(s.id);
    });
  }

  private notification(s: Stored, changeType: string, recordId: string): Record<string, unknown> {
    return {
      subscriptionId: s.id,
      clientState: s.clientState,
      changeType,
      resource: `communications/callRecords/${recordId}`,
      subscriptionExpirationDateTime: s.expiration.toISOString().replace('Z', '+00:00'),
      resourceData: { '@odata.type': '#Microsoft.Graph.callRecord', '@odata.id': `communications/callRecords/${recordId}`, id: recordId },
      tenantId: this.deps.tenantId,
    };
  }

  private find(id: string, appId: string): Stored {
    this.dropExpired();
    const s = this.subscriptions.get(id);
    if (!s || s.applicationId !== appId) throw new GraphHttpError(404, 'ResourceNotFound', `The object was not found: subscription '${id.slice(0, 60)}'.`);
    return s;
  }

  private dropExpired(): void {
    const now = this.deps.now().getTime();
    for (const [id, s] of this.subscriptions) if (s.expiration.getTime() <= now) this.subscriptions.delete(id);
  }

  private view(s: Stored): Record<string, unknown> {
    return {
      id: s.id,
      resource: s.resource,
      applicationId: s.applicationId,
      changeType: [...s.changeTypes].join(','),
      clientState: s.clientState,
      notificationUrl: s.notificationUrl,
      notificationQueryOptions: null,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl,
      expirationDateTime: s.expiration.toISOString(),
      creatorId: servicePrincipalId(s.applicationId),
      includeResourceData: false,
      latestSupportedTlsVersion: s.latestSupportedTlsVersion,
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationUrlAppId: null,
    };
  }
}

/** The configured latency, or a point in the configured range fixed by the record and version (same run, same delays). */
export function notificationDelay(timing: Pick<DeliveryTiming, 'notificationLatencyMs' | 'notificationLatencyMaxMs'>, change: Pick<RecordChange, 'id' | 'version'>): number {
  const min = timing.notificationLatencyMs;
  const max = timing.notificationLatencyMaxMs;
  if (max === undefined || max <= min) return min;
  const spread = createHash('sha256').update(`${change.id}:${change.version}`).digest().readUInt32BE(0) / 2 ** 32;
  return Math.round(min + spread * (max - min));
}

function sameTypes(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((t) => b.has(t));
}
