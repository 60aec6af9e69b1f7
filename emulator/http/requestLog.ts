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
      };
      res.on('finish', () => log(res.statusCode));
      res.on('close', () => log(res.writableFinished ? res.statusCode : 0));
      next();
    };
  }
}
