// A CallRecordsService over plain records, for bot tests. It behaves like graph/'s contract
// (newest first, participant filter, 30-day floor left to the caller) and can be told to fail.
import type {
  CallRecordsService,
  CallSummary,
  DateRange,
  DirectRoutingLogRow,
  FullCallRecord,
  PstnBlockedUsersLogRow,
  PstnCallLogRow,
  RecentCallsQuery,
  ReportQuery,
  SmsLogRow,
} from '../../graph/contract.js';
import { CallRecordNotFoundError } from '../../graph/errors.js';
import { summaryOf } from './callRecords.js';

export interface FakeCallRecordsOptions {
  readonly records?: readonly FullCallRecord[];
  readonly pstn?: readonly PstnCallLogRow[];
  readonly directRouting?: readonly DirectRoutingLogRow[];
  readonly sms?: readonly SmsLogRow[];
  readonly blocked?: readonly PstnBlockedUsersLogRow[];
  /** Index entries without participants, as before graph/ has fetched the full record. */
  readonly coldIndex?: boolean;
}

export class FakeCallRecords implements CallRecordsService {
  private readonly records: FullCallRecord[];
  private failure: Error | undefined;
  /** Ids fetched with getCall, in order: lets tests bound how much Graph work a question costs. */
  readonly fetched: string[] = [];

  constructor(private readonly options: FakeCallRecordsOptions = {}) {
    this.records = [...(options.records ?? [])];
  }

  /** Every following call rejects with this error (a Graph failure as graph/ would raise it). */
  failWith(error: Error | undefined): void {
    this.failure = error;
  }

  async recentCalls(userId: string, query: RecentCallsQuery = {}): Promise<CallSummary[]> {
    this.throwIfFailing();
    return this.records
      .filter((r) => indexedUnder(r).includes(userId.toLowerCase()))
      .filter((r) => !query.since || new Date(r.startDateTime!) >= query.since)
      .filter((r) => !query.until || new Date(r.startDateTime!) <= query.until)
      .sort((a, b) => b.startDateTime!.localeCompare(a.startDateTime!))
      .slice(0, query.limit ?? Infinity)
      .map((r) => summaryOf(r, !this.options.coldIndex, userId));
  }

  async getCall(callId: string): Promise<FullCallRecord> {
    this.throwIfFailing();
    this.fetched.push(callId);
    const record = this.records.find((r) => r.id === callId);
    if (!record) throw new CallRecordNotFoundError(callId, 'test-request-id');
    return record;
  }

  async pstnCalls(range: DateRange, query: ReportQuery = {}): Promise<PstnCallLogRow[]> {
    this.throwIfFailing();
    return (this.options.pstn ?? []).filter((row) => inRange(row.startDateTime, range) && (!query.userId || row.userId === query.userId));
  }

  async directRoutingCalls(range: DateRange, query: ReportQuery = {}): Promise<DirectRoutingLogRow[]> {
    this.throwIfFailing();
    return (this.options.directRouting ?? []).filter((row) => inRange(row.startDateTime ?? row.inviteDateTime, range) && (!query.userId || row.userId === query.userId));
  }

  async smsLog(range: DateRange, query: ReportQuery = {}): Promise<SmsLogRow[]> {
    this.throwIfFailing();
    return (this.options.sms ?? []).filter((row) => inRange(row.sentDateTime, range) && (!query.userId || row.userId === query.userId));
  }

  async blockedUsersLog(range: DateRange, query: ReportQuery = {}): Promise<PstnBlockedUsersLogRow[]> {
    this.throwIfFailing();
    return (this.options.blocked ?? []).filter((row) => inRange(row.blockDateTime, range) && (!query.userId || row.userId === query.userId));
  }

  async onlineMeetingDialoutReport(): Promise<never[]> {
    return [];
  }

  private throwIfFailing(): void {
    if (this.failure) throw this.failure;
  }
}

/** Like graph/'s index: filed under the organizer and every participant, ids lowercased (Entra object ids are GUIDs). */
function indexedUnder(record: FullCallRecord): string[] {
  const people = [record.organizer_v2, ...record.participants_v2];
  return people.flatMap((p) => [p?.id, p?.identity?.user?.id]).filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase());
}

function inRange(at: string | null | undefined, range: DateRange): boolean {
  if (!at) return false;
  const t = new Date(at).getTime();
  return t >= range.from.getTime() && t <= range.to.getTime();
}
