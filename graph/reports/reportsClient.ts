// PSTN, Direct Routing, SMS, blocked-user and dial-out reports: split into 90-day windows,
// every page followed, optionally narrowed to one user (the functions take no user filter). Pages
// come from a short-lived per-window cache shared by concurrent askers, and are filtered as they
// arrive, so one user's answer holds only that user's rows.
import type {
  DateRange,
  DirectRoutingLogRow,
  PstnBlockedUsersLogRow,
  PstnCallLogRow,
  PstnOnlineMeetingDialoutReport,
  ReportQuery,
  SmsLogRow,
} from '../contract.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import { reportWindows } from './dateWindows.js';
import type { ReportPageCache } from './reportPageCache.js';
import { REPORTS, reportRequest, type ReportFunction } from './reportRequests.js';

interface UserRow {
  readonly userId?: string | null;
}

export class ReportsClient {
  constructor(
    private readonly executor: GraphExecutor,
    private readonly cache: ReportPageCache,
  ) {}

  pstnCalls(range: DateRange, query: ReportQuery = {}): Promise<PstnCallLogRow[]> {
    return this.rows<PstnCallLogRow>('getPstnCalls', range, query);
  }

  directRoutingCalls(range: DateRange, query: ReportQuery = {}): Promise<DirectRoutingLogRow[]> {
    return this.rows<DirectRoutingLogRow>('getDirectRoutingCalls', range, query);
  }

  smsLog(range: DateRange, query: ReportQuery = {}): Promise<SmsLogRow[]> {
    return this.rows<SmsLogRow>('getSmsLog', range, query);
  }

  blockedUsersLog(range: DateRange, query: ReportQuery = {}): Promise<PstnBlockedUsersLogRow[]> {
    return this.rows<PstnBlockedUsersLogRow>('getPstnBlockedUsersLog', range, query);
  }

  /** Aggregated per user, location, destination and currency; windows are summed back into one row per group. */
  async onlineMeetingDialoutReport(range: DateRange, query: ReportQuery = {}): Promise<PstnOnlineMeetingDialoutReport[]> {
    const rows = await this.rows<PstnOnlineMeetingDialoutReport>('getPstnOnlineMeetingDialoutReport', range, query);
    return sumDialoutGroups(rows);
  }

  private async rows<T extends UserRow>(fn: ReportFunction, range: DateRange, query: ReportQuery): Promise<T[]> {
    const rows: T[] = [];
    for await (const page of this.stream<T>(fn, range, query)) rows.push(...page);
    return rows;
  }

  /** The rows of every window, page by page, already narrowed to query.userId when given. */
  async *stream<T extends UserRow>(fn: ReportFunction, range: DateRange, query: ReportQuery = {}): AsyncGenerator<T[]> {
    const spec = REPORTS[fn];
    // The shared fetch outlives any one asker, so it carries no asker's signal; each asker stops reading on its own.
    const options = { priority: query.priority ?? 'interactive' } as const;
    for (const window of reportWindows(range, spec.toIsExclusive)) {
      const request = reportRequest(spec, window);
      const key = `${spec.version}:${request.path}`;
      for await (const page of this.cache.pages<T>(key, () => this.executor.pages<T>(request, options), query.signal)) {
        yield query.userId === undefined ? page : page.filter((r) => sameId(r.userId, query.userId!));
      }
    }
  }
}

function sameId(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

function sumDialoutGroups(rows: readonly PstnOnlineMeetingDialoutReport[]): PstnOnlineMeetingDialoutReport[] {
  const groups = new Map<string, PstnOnlineMeetingDialoutReport>();
  for (const row of rows) {
    const key = JSON.stringify([row.userId ?? null, row.usageLocation ?? null, row.destinationContext ?? null, row.currency ?? null]);
    const seen = groups.get(key);
    groups.set(
      key,
      seen
        ? {
            ...seen,
            totalCalls: add(seen.totalCalls, row.totalCalls),
            totalCallSeconds: add(seen.totalCallSeconds, row.totalCallSeconds),
            totalCallCharge: add(seen.totalCallCharge, row.totalCallCharge),
          }
        : row,
    );
  }
  return [...groups.values()];
}

function add(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null && b == null ? null : (a ?? 0) + (b ?? 0);
}
