// The Microsoft Graph documentation examples: real payloads nobody on this project wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphExamplesDir } from '../test/support/reference.js';
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from './diagnose.js';
import { parseCallRecord } from './parse.js';
import type { CallRecordInput } from './input.js';

const example = (name: string): unknown => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8'));
const ABBIE = '821809f5-0000-0000-0000-3b5136c0e777';
const OWEN = 'f69e2c00-0000-0000-0000-185e5f5f5d8a';

function record(name: string): CallRecordInput {
  const parsed = parseCallRecord(example(name));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.record;
}

describe('get callRecord with sessions and segments (v1.0 example)', () => {
  const call = record('get-callrecord-expand-sessions-segments.v1.0.json');

  it('when Abbie asks then the 26-second call with one measured value is unclassified, and the answer says what was measured', () => {
    const d = diagnoseCall(call, ABBIE);
    expect(d.verdict).toBe('unclassified');
    expect(d.causes.map((c) => c.code)).toEqual(['no-quality-data']);
    expect(d.causes[0]!.evidence).toBe('the record measured only averageJitter 16 ms on 1 stream (audio: what you sent) over 26 s, too little to call the call good');
    expect(d.summary).not.toMatch(/stayed within/);
  });

  it('when Owen asks then his own "poor" rating makes the call poor, with no side blamed', () => {
    const d = diagnoseCall(call, OWEN);
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'user-rated-poor', side: 'unknown' });
    expect(d.summary).toMatch(/^You rated this call poor/);
  });

  it('when read for the tab then the jitter of PT0.016S is 16 ms and classified good, and the null degradation is unclassified', () => {
    const stream = diagnoseCall(call, ABBIE).segments[0]!.streams[0]!;
    expect(stream).toMatchObject({ kind: 'audio', direction: 'callerToCallee', relative: 'sent' });
    expect(stream.metrics.find((m) => m.name === 'averageJitter')).toEqual({ name: 'averageJitter', value: 16, unit: 'ms', classification: 'good', threshold: 30 });
    expect(stream.metrics.find((m) => m.name === 'averageAudioDegradation')?.classification).toBe('unclassified');
  });
});

describe('list sessions with segments (v1.0 example) wrapped into a record', () => {
  const call = record('list-sessions-expand-segments.v1.0.json');

  it('when parsed then the record id comes from the @odata.context', () => {
    expect(call.id).toBe('e523d2ed-2966-4b6b-925b-754a88034cc5');
  });

  it("when Abbie asks then her muted speaker is the top cause, on her side", () => {
    const d = diagnoseCall(call, ABBIE);
    expect(d.verdict).toBe('poor');
    expect(d.causes[0]).toMatchObject({ code: 'speaker-muted', side: 'you', evidence: 'your speaker was muted for 100% of the call' });
  });

  it("when Owen asks then the degraded audio he sent leads, on his side, with Abbie's mirrored flag as evidence; her muted speaker is a note about her experience", () => {
    const d = diagnoseCall(call, OWEN);
    // calleeToCaller (Owen -> Abbie) has averageAudioDegradation 1.160898 > 1.0; Owen's sentQualityEventRatio is 0.31,
    // and Abbie's receivedQualityEventRatio 0.27 mirrors it: evidence for Owen's side, not a problem on Abbie's network.
    expect(d.causes[0]).toMatchObject({ code: 'congested-network', side: 'you' });
    expect(d.causes[0]!.evidence).toMatch(/^your network degraded outgoing audio for 31% of the call; Abbie Wilkins's device flagged the audio you sent as degraded by the network for 27% of the call/);
    expect(d.causes.some((c) => c.side === 'other')).toBe(false);
    expect(d.notes).toContainEqual(expect.objectContaining({ code: 'their-experience', side: 'other', text: expect.stringMatching(/^Abbie Wilkins's speaker was muted for 100% of the call/) }));
  });

  it("when Abbie asks then Owen's network is not blamed for her own network: her received flag is evidence about what Owen sent", () => {
    const d = diagnoseCall(call, ABBIE);
    const congestion = d.causes.find((c) => c.code === 'congested-network');
    expect(congestion).toMatchObject({ side: 'other' });
    expect(d.causes.some((c) => c.code === 'congested-network' && c.side === 'you')).toBe(false);
  });

  it('when read for the tab then the degraded stream is poor and its degradation cell is the poor one', () => {
    const streams = diagnoseCall(call, OWEN).segments[0]!.streams;
    const sent = streams.find((s) => s.direction === 'calleeToCaller')!;
    expect(sent.relative).toBe('sent');
    expect(sent.classification).toBe('poor');
    expect(sent.metrics.filter((m) => m.classification === 'poor').map((m) => m.name)).toEqual(['averageAudioDegradation']);
  });
});

describe('records without quality data', () => {
  it('when the record was fetched without sessions then the verdict is unclassified with no-quality-data', () => {
    const d = diagnoseCall(record('get-callrecord.v1.0.json'), ABBIE);
    expect(d.verdict).toBe('unclassified');
    expect(d.causes.map((c) => c.code)).toEqual(['no-quality-data']);
    expect(d.causes[0]!.evidence).toMatch(/^the record has no session data: it was fetched without \$expand=sessions/);
  });

  it('when only participants were expanded then it is unclassified too', () => {
    expect(diagnoseCall(record('get-callrecord-expand-participants_v2.v1.0.json'), ABBIE).verdict).toBe('unclassified');
  });
});
