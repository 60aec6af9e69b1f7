// Time windows from Graph's DateTimeOffset strings. Parsing a given string is pure; nothing here
// reads the clock.

export interface Window {
  readonly start: number;
  readonly end: number;
}

export function windowOf(start: unknown, end: unknown): Window | null {
  if (typeof start !== 'string' || typeof end !== 'string' || start.length > 40 || end.length > 40) return null;
  const s = Date.parse(start);
  const e = Date.parse(end);
  return Number.isFinite(s) && Number.isFinite(e) && e >= s ? { start: s, end: e } : null;
}

export function seconds(window: Window | null): number | null {
  return window ? (window.end - window.start) / 1000 : null;
}

/** Seconds of `window` that fall inside any of `others` (which may overlap each other). */
export function overlapSeconds(window: Window, others: readonly Window[]): number {
  const clipped = others
    .map((o) => ({ start: Math.max(o.start, window.start), end: Math.min(o.end, window.end) }))
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let cursor = -Infinity;
  for (const o of clipped) {
    const from = Math.max(o.start, cursor);
    if (o.end > from) total += o.end - from;
    cursor = Math.max(cursor, o.end);
  }
  return total / 1000;
}
