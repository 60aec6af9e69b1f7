import { describe, expect, it } from 'vitest';
import { reportWindows } from './dateWindows.js';

const d = (iso: string): Date => new Date(iso);

describe('reportWindows', () => {
  it('when the range is within 90 days, then it is asked for in one window, unchanged', () => {
    expect(reportWindows({ from: d('2026-09-01T00:00:00Z'), to: d('2026-11-01T00:00:00Z') }, false)).toEqual([
      { from: '2026-09-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
    ]);
  });

  it('when an inclusive-to report spans 200 days, then windows end one tick before the next starts, with no gap', () => {
    const windows = reportWindows({ from: d('2026-01-01T00:00:00Z'), to: d('2026-07-20T00:00:00Z') }, false);
    expect(windows).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T23:59:59.9999999Z' },
      { from: '2026-04-01T00:00:00.000Z', to: '2026-06-29T23:59:59.9999999Z' },
      { from: '2026-06-30T00:00:00.000Z', to: '2026-07-20T00:00:00.000Z' },
    ]);
  });

  it('when Direct Routing (exclusive to) spans 200 days, then each window ends exactly where the next begins', () => {
    const windows = reportWindows({ from: d('2026-01-01T00:00:00Z'), to: d('2026-07-20T00:00:00Z') }, true);
    expect(windows.map((w) => [w.from, w.to])).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-04-01T00:00:00.000Z', '2026-06-30T00:00:00.000Z'],
      ['2026-06-30T00:00:00.000Z', '2026-07-20T00:00:00.000Z'],
    ]);
  });

  it('when the range is exactly 90 days, then one window covers it', () => {
    expect(reportWindows({ from: d('2026-01-01T00:00:00Z'), to: d('2026-04-01T00:00:00Z') }, false)).toHaveLength(1);
  });

  it('when the range ends before it starts, then the error names both ends', () => {
    expect(() => reportWindows({ from: d('2026-02-01T00:00:00Z'), to: d('2026-01-01T00:00:00Z') }, false)).toThrow(/starts \(2026-02-01.*after it ends \(2026-01-01/);
  });
});
