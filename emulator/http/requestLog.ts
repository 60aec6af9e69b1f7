// Which Graph routes were called and how they were answered, so tests can count requests
// (for example that a cached record is not fetched twice).
import type { NextFunction, Request, Response } from 'express';

export interface RequestLogEntry {
  readonly method: string;
  /** Path without the query, e.g. /v1.0/communications/callRecords/{id}. */
  readonly path: string;
  /** 0 when the connection was dropped by an injected fault. */
  readonly status: number;
  /** Path with the query string, as requested. */
  readonly url: string;
}

/** A long-running demo must not grow without bound; tests clear the log long before this. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  all(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const url = req.originalUrl;
      const path = decodeURIComponent(url.split('?')[0] ?? url);
      let logged = false;
      const log = (status: number): void => {
        if (logged) return;
        logged = true;
        this.entries.push({ method: req.method, path, status, url });
        if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
      };
      res.on('finish', () => log(res.statusCode));
      res.on('close', () => log(res.writableFinished ? res.statusCode : 0));
      next();
    };
  }
}
