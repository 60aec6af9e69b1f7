// Which Graph routes were called and how they were answered, so tests can count requests
// (for example that a cached record is not fetched twice). A request is listed as soon as it
// arrives, so it is there before its client can have an answer; settle() waits for the answers.
import type { NextFunction, Request, Response } from 'express';
import { InFlight } from './inFlight.js';

export interface RequestLogEntry {
  readonly method: string;
  /** Path without the query, e.g. /v1.0/communications/callRecords/{id}. */
  readonly path: string;
  /** The answer's status once it has started (undefined while still being handled); 0 when the connection was dropped. */
  readonly status: number | undefined;
  /** Path with the query string, as requested. */
  readonly url: string;
  /** When it arrived, on the emulator's clock (so a test can count requests per throttling window). */
  readonly at: Date;
}

interface Entry {
  readonly method: string;
  readonly path: string;
  readonly url: string;
  readonly at: Date;
  /** Set when the exchange has ended; until then the status is read from the response. */
  final?: number;
  response?: Response;
}

/** A long-running demo must not grow without bound; tests clear the log long before this. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: Entry[] = [];
  private readonly inFlight = new InFlight();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** A snapshot; an entry's status is the one its answer had started with at the time of the call. */
  all(): readonly RequestLogEntry[] {
    return this.entries.map((e) => ({ method: e.method, path: e.path, status: e.final ?? (e.response?.headersSent ? e.response.statusCode : undefined), url: e.url, at: e.at }));
  }

  clear(): void {
    this.entries = [];
  }

  /** How many logged requests have not finished yet (cleared ones included). */
  get pending(): number {
    return this.inFlight.count;
  }

  /** Resolves when every request that has arrived has been answered (or dropped). */
  settle(): Promise<void> {
    return this.inFlight.idle();
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const url = req.originalUrl;
      const entry: Entry = { method: req.method, path: decodedPath(url), url, at: this.now(), response: res };
      this.entries.push(entry);
      if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
      const done = this.inFlight.begin();
      const end = (status: number): void => {
        if (entry.final !== undefined) return;
        entry.final = status;
        entry.response = undefined;
        done();
      };
      res.on('finish', () => end(res.statusCode));
      res.on('close', () => end(res.writableFinished ? res.statusCode : 0));
      next();
    };
  }
}

/** A malformed escape (%E0) is Graph's problem to answer, not a reason to lose the log entry. */
function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? url;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
