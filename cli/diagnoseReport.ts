// How the diagnose command prints one diagnosis: a JSON line (for tools) or a readable report.
import { noteLabel, sideLabel } from '../diagnosis/index.js';
import type { Diagnosis, SegmentQuality } from '../diagnosis/index.js';

export interface PointOfView {
  readonly userId: string | null;
  /** True when no --user was given and the organizer's view was taken. */
  readonly organizer: boolean;
}

export function jsonLine(d: Diagnosis): string {
  return JSON.stringify({
    callId: d.callId,
    verdict: d.verdict,
    causes: d.causes.map((c) => ({ code: c.code, side: c.side, confidence: c.confidence, evidence: c.evidence, advice: c.advice })),
    summary: d.summary,
    notes: (d.notes ?? []).map((n) => ({ code: n.code, side: n.side, text: n.text })),
  });
}

function streamLines(segment: SegmentQuality): string[] {
  return segment.streams.map((s) => {
    const poor = s.metrics.filter((m) => m.classification === 'poor').map((m) => `${m.name} ${m.value}${m.unit === 'fraction' ? '' : ` ${m.unit}`}`);
    const from = s.direction === 'callerToCallee' ? `${segment.caller} -> ${segment.callee}` : s.direction === 'calleeToCaller' ? `${segment.callee} -> ${segment.caller}` : 'direction unknown';
    return `    ${s.kind.padEnd(13)} ${from}: ${s.classification}${poor.length > 0 ? ` (${poor.join(', ')})` : ''}`;
  });
}

export function readableReport(file: string, d: Diagnosis, view: PointOfView): string {
  const who = !view.userId
    ? 'nobody known (no --user given and no organizer in the record)'
    : view.organizer
      ? `${view.userId}, the organizer (no --user given)`
      : view.userId;
  const lines = [`${file}`, `  Call ${d.callId || '(no id)'}`, `  Point of view: ${who}`, `  Verdict: ${d.verdict}`, `  ${d.summary}`];
  if (d.causes.length > 0) {
    lines.push('  Causes, most likely first:');
    d.causes.forEach((c, i) => {
      lines.push(`    ${i + 1}. ${c.code} (${sideLabel(c.side)}, confidence ${Math.round(c.confidence * 100)}%): ${c.evidence}`);
      lines.push(`       ${c.advice}`);
    });
  }
  for (const note of d.notes ?? []) lines.push(`  ${noteLabel(note.code)}: ${note.text}.`);
  if (d.measured) lines.push(`  Measured: ${d.measured}`);
  const segments = d.segments.filter((s) => s.streams.length > 0 || s.failure);
  if (segments.length > 0) {
    lines.push(`  Streams (${d.segments.length} segment${d.segments.length === 1 ? '' : 's'}):`);
    for (const segment of segments.slice(0, 20)) {
      if (segment.failure) lines.push(`    failure: ${segment.failure.stage}${segment.failure.reason ? ` (${segment.failure.reason})` : ''}`);
      lines.push(...streamLines(segment));
    }
    if (segments.length > 20) lines.push(`    ... ${segments.length - 20} more segments`);
  }
  return lines.join('\n');
}
