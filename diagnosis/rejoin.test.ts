// Failed joins and drops followed by another leg of the same person: what the user went through
// across all their legs, not the first failure found (see legs.ts for the Graph and CQD basis).
import { describe, expect, it } from 'vitest';
import { diagnoseCall } from './diagnose.js';
import type { CallRecordInput } from './input.js';
import { ALICE, BOB, groupCall, healthyAudio, minutes, peerToPeer, withSessionsOf } from './testing/recordBuilder.js';
import type { LegSpec } from './testing/recordBuilder.js';
import type { Verdict } from './types.js';

const SETUP = { stage: 'callSetup', reason: 'Media connectivity failure: no ICE candidate pair could be connected' };
const DROP = { stage: 'midcall', reason: 'Call dropped: no media was received for 30 seconds' };
const NO_MEDIA = { sent: null, received: null } as const;
const WEAK_WIFI = { connectionType: 'wifi', wifiSignalStrength: 15, wifiBand: 'frequency50GHz' };
const LOSSY = healthyAudio({ averagePacketLossRate: 0.14 });

const bob: LegSpec = { participant: BOB };

interface Case {
  readonly name: string;
  readonly record: Record<string, unknown>;
  readonly verdict: Verdict;
  /** Top cause as code/side, or null for none. */
  readonly top: string | null;
  readonly rejoined: boolean;
  readonly summary: RegExp;
}

const CASES: readonly Case[] = [
  {
    name: 'meeting: a failed join, then a good rejoin reads as a good call',
    record: groupCall([{ participant: { ...ALICE, network: { connectionType: 'tunnel' } }, failure: SETUP, timing: minutes(0, 0.1), ...NO_MEDIA }, { participant: ALICE, timing: minutes(1, 30) }, bob]),
    verdict: 'good',
    top: null,
    rejoined: false,
    summary: /^Your call looked good/,
  },
  {
    name: 'meeting: a failed join, then a rejoin on weak Wi-Fi is judged on the rejoined leg',
    record: groupCall([{ participant: ALICE, failure: SETUP, timing: minutes(0, 0.1), ...NO_MEDIA }, { participant: { ...ALICE, network: WEAK_WIFI }, sent: LOSSY, timing: minutes(1, 30) }, bob]),
    verdict: 'poor',
    top: 'wifi-weak-signal/you',
    rejoined: false,
    summary: /^Your call quality was poor, most likely because of a weak Wi-Fi signal on your side\./,
  },
  {
    name: 'meeting: a failed join and nothing else never connected',
    record: groupCall([{ participant: ALICE, failure: SETUP, timing: minutes(0, 0.1), ...NO_MEDIA }, bob]),
    verdict: 'setup-failed',
    top: 'media-connectivity-failed/unknown',
    rejoined: false,
    summary: /^Your call never connected\./,
  },
  {
    name: 'meeting: two failed joins never connected',
    record: groupCall([{ participant: ALICE, failure: SETUP, timing: minutes(0, 0.1), ...NO_MEDIA }, { participant: ALICE, failure: SETUP, timing: minutes(1, 1.1), ...NO_MEDIA }, bob]),
    verdict: 'setup-failed',
    top: 'media-connectivity-failed/unknown',
    rejoined: false,
    summary: /^Your call never connected\./,
  },
  {
    name: 'meeting: a drop on weak Wi-Fi, then a rejoin, is a drop that says so',
    record: groupCall([{ participant: { ...ALICE, network: WEAK_WIFI }, failure: DROP, timing: minutes(0, 12) }, { participant: ALICE, timing: minutes(13, 30) }, bob]),
    verdict: 'dropped',
    top: 'wifi-weak-signal/you',
    rejoined: true,
    summary: /^Your call dropped unexpectedly after it had connected, most likely because of a weak Wi-Fi signal on your side, and you rejoined\./,
  },
  {
    name: 'meeting: a drop, then a rejoin, with nothing to explain it',
    record: groupCall([{ participant: ALICE, failure: DROP, timing: minutes(0, 12) }, { participant: ALICE, timing: minutes(13, 30) }, bob]),
    verdict: 'dropped',
    top: 'dropped-unexpectedly/unknown',
    rejoined: true,
    summary: /^Your call dropped unexpectedly after it had connected, and you rejoined\. The record does not show why: .*\. Nothing to do for this call, since you got back in/,
  },
  {
    name: 'meeting: a drop without a rejoin',
    record: groupCall([{ participant: ALICE, failure: DROP, timing: minutes(0, 12) }, bob]),
    verdict: 'dropped',
    top: 'dropped-unexpectedly/unknown',
    rejoined: false,
    summary: /^Your call dropped unexpectedly after it had connected\. The record does not show why: .* Rejoin the call/,
  },
  {
    name: 'meeting: an earlier leg that ended normally is no rejoin for a later drop',
    record: groupCall([{ participant: ALICE, timing: minutes(0, 10) }, { participant: ALICE, failure: DROP, timing: minutes(15, 25) }, bob]),
    verdict: 'dropped',
    top: 'dropped-unexpectedly/unknown',
    rejoined: false,
    summary: /^Your call dropped unexpectedly after it had connected\./,
  },
  {
    name: 'meeting: drop, rejoin, then a second drop with no rejoin reports the last drop',
    record: groupCall([{ participant: ALICE, failure: DROP, timing: minutes(0, 10) }, { participant: { ...ALICE, network: { connectionType: 'mobile' } }, failure: DROP, timing: minutes(11, 20) }, bob]),
    verdict: 'dropped',
    top: 'mobile-network/you',
    rejoined: false,
    summary: /^Your call dropped unexpectedly after it had connected, most likely because of a mobile network connection on your side\./,
  },
  {
    name: 'meeting: legs without times cannot show a rejoin, so none is claimed',
    record: groupCall([{ participant: ALICE, failure: DROP, timing: { start: '', end: '' } }, { participant: ALICE, timing: { start: '', end: '' } }, bob]),
    verdict: 'dropped',
    top: 'dropped-unexpectedly/unknown',
    rejoined: false,
    summary: /^Your call dropped unexpectedly after it had connected\./,
  },
  {
    name: '1:1: a failed first attempt, then a session that worked, reads as a good call',
    record: withSessionsOf(peerToPeer({ id: 'attempt-1', failure: SETUP, timing: minutes(0, 0.1), media: [] }), peerToPeer({ id: 'attempt-2', timing: minutes(1, 30) })),
    verdict: 'good',
    top: null,
    rejoined: false,
    summary: /^Your call looked good/,
  },
  {
    name: "1:1: a failed first attempt, then a session on Bob's weak Wi-Fi, is judged on that session",
    record: withSessionsOf(peerToPeer({ id: 'attempt-1', failure: SETUP, timing: minutes(0, 0.1), media: [] }), peerToPeer({ id: 'attempt-2', timing: minutes(1, 30), callee: { ...BOB, network: WEAK_WIFI }, media: [{ calleeToCaller: LOSSY }] })),
    verdict: 'poor',
    top: 'wifi-weak-signal/other',
    rejoined: false,
    summary: /^Your call quality was poor, most likely because of a weak Wi-Fi signal on Bob Lee's side\./,
  },
  {
    name: '1:1: a failed attempt only never connected',
    record: peerToPeer({ failure: SETUP, timing: minutes(0, 0.1), media: [] }),
    verdict: 'setup-failed',
    top: 'media-connectivity-failed/unknown',
    rejoined: false,
    summary: /^Your call never connected\./,
  },
  {
    name: '1:1: a drop, then a new session between the same two, is a drop that says so',
    record: withSessionsOf(peerToPeer({ id: 'leg-1', failure: DROP, timing: minutes(0, 8) }), peerToPeer({ id: 'leg-2', timing: minutes(9, 30) })),
    verdict: 'dropped',
    top: 'dropped-unexpectedly/unknown',
    rejoined: true,
    summary: /^Your call dropped unexpectedly after it had connected, and you rejoined\./,
  },
  {
    name: '1:1: a drop without another session',
    record: peerToPeer({ failure: DROP, timing: minutes(0, 8) }),
    verdict: 'dropped',
    top: 'dropped-unexpectedly/unknown',
    rejoined: false,
    summary: /^Your call dropped unexpectedly after it had connected\. The record does not show why: .* Rejoin the call/,
  },
];

describe('failed joins, drops and rejoins', () => {
  it.each(CASES)('when $name then the verdict, top cause and summary follow all of my legs', ({ record, verdict, top, rejoined, summary }) => {
    const d = diagnoseCall(record as CallRecordInput, ALICE.id);
    expect(d.verdict).toBe(verdict);
    expect(d.causes[0] ? `${d.causes[0].code}/${d.causes[0].side}` : null).toBe(top);
    expect(d.rejoined).toBe(rejoined);
    expect(d.summary).toMatch(summary);
  });

  it('when I dropped and rejoined then the drop evidence names the leg I came back on', () => {
    const record = groupCall([{ participant: ALICE, failure: DROP, timing: minutes(0, 12) }, { participant: ALICE, timing: minutes(13, 30) }, bob]);
    const drop = diagnoseCall(record as CallRecordInput, ALICE.id).causes.find((c) => c.code === 'dropped-unexpectedly');
    expect(drop?.evidence).toMatch(/you rejoined on a later leg$/);
    expect(drop?.facts).toContainEqual({ field: 'sessions[1].startDateTime', value: '2026-11-20T10:13:00.000Z' });
  });

  it("when Bob's join failed and he rejoined then neither he nor I read a failure", () => {
    const record = groupCall([{ participant: ALICE }, { participant: BOB, failure: SETUP, timing: minutes(0, 0.1), ...NO_MEDIA }, { participant: BOB, timing: minutes(1, 30) }]);
    expect(diagnoseCall(record as CallRecordInput, ALICE.id).verdict).toBe('good');
    expect(diagnoseCall(record as CallRecordInput, BOB.id).verdict).toBe('good');
  });

  it('when nobody asking is on the record then a participant who dropped and rejoined reads as such', () => {
    const record = groupCall([{ participant: ALICE }, { participant: BOB, failure: DROP, timing: minutes(0, 10) }, { participant: BOB, timing: minutes(11, 30) }]);
    const d = diagnoseCall(record as CallRecordInput, 'someone-else');
    expect(d.verdict).toBe('dropped');
    expect(d.summary).toMatch(/^This call dropped unexpectedly after it had connected, and the person who dropped rejoined\./);
  });
});
