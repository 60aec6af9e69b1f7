// Runs in the jsdom project: the engine works with browser globals only (the tab imports it).
import { describe, expect, it } from 'vitest';
import { diagnoseCall, parseCallRecord } from './index.js';
import documentationExample from '../../shared/reference/graph-examples/list-sessions-expand-segments.v1.0.json' with { type: 'json' };

describe('diagnosis in the browser', () => {
  it('when a documentation record is diagnosed under jsdom then the answer matches the Node one', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('object');
    const parsed = parseCallRecord(documentationExample);
    expect(parsed.ok).toBe(true);
    const d = diagnoseCall(parsed.ok ? parsed.record : {}, '821809f5-0000-0000-0000-3b5136c0e777');
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'speaker-muted', side: 'you' });
    expect(d.segments[0]!.streams).toHaveLength(2);
  });
});
