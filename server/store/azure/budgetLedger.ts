// graph/'s BudgetLedger on Azure Tables (STORE=azure): every instance of the app records the
// Graph requests it sends in one row per bucket, so together they stay under Graph's limits.
// Rows of one app share a partition, so a reservation's buckets (app-wide, tenant-wide, per
// record) are written in one transaction, each row guarded by its ETag: another instance's write
// in between fails the transaction and the round is read and decided again. Reservations made
// while a round is on the wire wait for the next one and share it, so under load an instance
// pays about one transaction per round trip, not one per request; rows it wrote last are kept
// with their ETags and need no read until someone else writes them.
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { applyReservation, decodeSlices, DEFAULT_LEDGER_TIMING, encodeSlices, type BucketSlices, type BudgetLedger, type LedgerAnswer, type LedgerReservation, type LedgerTiming } from '../../../graph/index.js';
import { getOrUndefined, isStatus, tableKey, type AzureTables } from './tables.js';

const TABLE = 'budget';
/** Transactions hold at most 100 operations. */
const MAX_ROWS_PER_ROUND = 100;
const MAX_ATTEMPTS = 10;
/** Rows not written for this long (per-record buckets of calls long past) are swept. */
const IDLE_ROW_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

interface Pending {
  readonly reservation: LedgerReservation;
  readonly resolve: (answer: LedgerAnswer) => void;
  readonly reject: (error: unknown) => void;
}

interface KnownRow {
  readonly slices: BucketSlices;
  /** undefined: the row did not exist when read. */
  readonly etag: string | undefined;
}

/** `appId|tenantId|bucket`: the app is the partition, the rest the row. */
function splitKey(key: string): { partitionKey: string; rowKey: string } {
  const bar = key.indexOf('|');
  return { partitionKey: tableKey(key.slice(0, bar)), rowKey: tableKey(key.slice(bar + 1)) };
}

export class AzureBudgetLedger implements BudgetLedger {
  private readonly queue: Pending[] = [];
  private readonly known = new Map<string, KnownRow>();
  private draining = false;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly tables: AzureTables,
    private readonly timing: LedgerTiming = DEFAULT_LEDGER_TIMING,
  ) {}

  reserve(reservation: LedgerReservation): Promise<LedgerAnswer> {
    return new Promise<LedgerAnswer>((resolve, reject) => {
      this.queue.push({ reservation, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const round = this.nextRound();
        try {
          const answers = await this.decide(round);
          round.forEach((pending, i) => pending.resolve(answers[i]!));
        } catch (error) {
          for (const pending of round) pending.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Reservations of one partition, in arrival order, touching at most one transaction's rows. */
  private nextRound(): Pending[] {
    const partition = splitKey(this.queue[0]!.reservation.buckets[0]?.key ?? '|').partitionKey;
    const keys = new Set<string>();
    const round: Pending[] = [];
    for (let i = 0; i < this.queue.length; ) {
      const pending = this.queue[i]!;
      const own = pending.reservation.buckets.map((b) => b.key);
      const samePartition = own.every((key) => splitKey(key).partitionKey === partition);
      const fits = new Set([...keys, ...own]).size <= MAX_ROWS_PER_ROUND;
      if (samePartition && (fits || round.length === 0)) {
        own.forEach((key) => keys.add(key));
        round.push(pending);
        this.queue.splice(i, 1);
      } else i++;
    }
    return round;
  }

  private async decide(round: readonly Pending[]): Promise<LedgerAnswer[]> {
    const table = await this.tables.table(TABLE);
    const keys = [...new Set(round.flatMap((p) => p.reservation.buckets.map((b) => b.key)))];
    for (let attempt = 1; ; attempt++) {
      await this.readUnknown(table, keys);
      const state = new Map<string, BucketSlices>(keys.map((key) => [key, this.known.get(key)!.slices]));
      const answers = round.map((pending) => applyReservation(state, pending.reservation, this.timing));
      const changed = keys.filter((key) => state.get(key) !== this.known.get(key)!.slices);
      if (changed.length === 0) return answers;
      const at = Math.max(...round.map((p) => p.reservation.at.getTime()));
      const actions: TransactionAction[] = changed.map((key) => {
        const entity = { ...splitKey(key), slices: encodeSlices(state.get(key)!, this.timing), lastAt: { value: String(at), type: 'Int64' as const } };
        const etag = this.known.get(key)!.etag;
        return etag === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag }];
      });
      try {
        const response = await table.submitTransaction(actions);
        for (const key of changed) {
          const etag = response.getResponseForEntity(splitKey(key).rowKey)?.etag;
          if (etag === undefined) this.known.delete(key);
          else this.known.set(key, { slices: state.get(key)!, etag });
        }
        this.maybeSweep(table, changed[0]!, at);
        return answers;
      } catch (error) {
        // Another instance wrote one of the rows (412) or created it first (409): read again.
        if (!(isStatus(error, 412) || isStatus(error, 409)) || attempt >= MAX_ATTEMPTS) throw error;
        for (const key of changed) this.known.delete(key);
      }
    }
  }

  private async readUnknown(table: TableClient, keys: readonly string[]): Promise<void> {
    // Per-record rows come and go; a forgotten row costs one read.
    if (this.known.size > 10_000) this.known.clear();
    const unknown = keys.filter((key) => !this.known.has(key));
    const rows = await Promise.all(unknown.map((key) => getOrUndefined(table, splitKey(key).partitionKey, splitKey(key).rowKey)));
    unknown.forEach((key, i) => {
      const row = rows[i];
      this.known.set(key, { slices: decodeSlices(row?.slices, this.timing), etag: row?.etag });
    });
  }

  /** Now and then, deletes rows of this partition nobody wrote for an hour (ETag-guarded, so a row just written stays). */
  private maybeSweep(table: TableClient, anyKey: string, at: number): void {
    if (at - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at;
    const { partitionKey } = splitKey(anyKey);
    const sweep = async (): Promise<void> => {
      const filter = `PartitionKey eq '${partitionKey.replace(/'/g, "''")}' and lastAt lt ${at - IDLE_ROW_MS}L`;
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } })) {
        await table.deleteEntity(row.partitionKey ?? '', row.rowKey ?? '', { etag: row.etag }).catch(() => undefined);
      }
    };
    void sweep().catch(() => undefined);
  }
}
