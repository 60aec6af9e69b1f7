// @vitest-environment jsdom
// The cards are checked with the real Adaptive Cards parser (the renderer Teams' web client is
// built on), at schema 1.5: a card it reports problems with would render wrong or not at all.
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../diagnosis/types.js';
import type { CallFacts } from '../calls/callFacts.js';
import type { AdaptiveCardJson, CardElement } from './cardKit.js';
import { callListCard } from './callListCard.js';
import { diagnosisCard } from './diagnosisCard.js';
import { helpCard, noticeCard, welcomeCard } from './noticeCard.js';
import { phoneCallCard } from './phoneCallCard.js';

const now = new Date('2026-11-28T15:00:00Z');
const facts: CallFacts = {
  callId: 'c1',
  start: new Date('2026-11-28T14:00:00Z'),
  end: new Date('2026-11-28T14:12:00Z'),
  durationSeconds: 720,
  kind: 'call',
  others: ['Ravi_Patel [guest]'],
  media: ['audio', 'video'],
};
const poor: Diagnosis = {
  callId: 'c1',
  verdict: 'poor',
  summary: 'Your Wi-Fi was weak.',
  segments: [],
  causes: [
    { code: 'wifi-weak-signal', side: 'you', confidence: 0.9, evidence: 'signal 21% on 2.4 GHz', advice: 'Move closer to the access point.', facts: [] },
    { code: 'packet-loss', side: 'you', confidence: 0.6, evidence: '13% of packets lost', advice: 'Use a cable.', facts: [] },
  ],
};
const good: Diagnosis = { callId: 'c1', verdict: 'good', summary: 'No problems.', segments: [], causes: [] };
const serviceSide: Diagnosis = {
  callId: 'c1',
  verdict: 'poor',
  summary: "Your call's quality was poor.",
  segments: [],
  causes: [{ code: 'packet-loss', side: 'service', confidence: 0.6, evidence: '14% of the audio packets the conferencing server sent the phone gateway were lost', advice: "The problem was inside Microsoft's network, not yours.", facts: [] }],
  notes: [{ code: 'brief-spike', side: 'other', text: 'The audio Ravi sent you was fine on average but spiked briefly: up to 60% of its packets were lost', facts: [] }],
};
const detailsUrl = 'https://teams.microsoft.com/l/entity/app/calls?context=%7B%22subEntityId%22%3A%22c1%22%7D';

const cards: readonly (readonly [string, AdaptiveCardJson])[] = [
  ['poor call diagnosis', diagnosisCard({ facts, diagnosis: poor, timeZone: 'Europe/Berlin', now, detailsUrl, askedBy: 'u1', offerPending: true }).card],
  ['good call diagnosis', diagnosisCard({ facts, diagnosis: good, timeZone: 'UTC', now, detailsUrl, askedBy: 'u1' }).card],
  ['call list', callListCard({ title: 'Your calls today', entries: [{ facts, verdict: 'dropped' }, { facts, verdict: null }], timeZone: 'UTC', now, recentCallsUrl: 'https://teams.microsoft.com/l/entity/app/calls', note: 'Showing 2.' }).card],
  ['phone call', phoneCallCard({ call: { kind: 'directRouting', row: { callType: 'ByotOut', startDateTime: '2026-11-28T10:00:00Z', duration: 0 } }, explanation: { outcome: 'failed', summary: 'Busy.', advice: 'Try later.' }, number: '+1 425 555 0100', timeZone: 'UTC', now }).card],
  ['notice', noticeCard({ title: 'Hello', paragraphs: ['One', 'Two'], examples: ['a', 'b'] }).card],
  ['help', helpCard().card],
  ['welcome', welcomeCard().card],
];

function parseErrors(json: AdaptiveCardJson): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) errors.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) errors.push(event.message);
  return errors;
}

function allActions(nodes: readonly CardElement[] | undefined, out: CardElement[] = []): CardElement[] {
  for (const node of nodes ?? []) {
    if (node.type === 'ActionSet') out.push(...(node.actions as CardElement[]));
    if (node.selectAction) out.push(node.selectAction as CardElement);
    allActions(node.items as CardElement[] | undefined, out);
  }
  return out;
}

describe('Adaptive Cards', () => {
  it.each(cards)('when the %s card is parsed at schema 1.5, then the parser reports no problems', (_name, json) => {
    expect(json.version).toBe('1.5');
    expect(parseErrors(json)).toEqual([]);
  });

  it.each(cards)('when the %s card has submit buttons, then each carries the verb the bot routes on', (_name, json) => {
    const submits = [...allActions(json.body), ...(json.actions ?? [])].filter((a) => a.type === 'Action.Submit');
    for (const action of submits) expect((action.data as { verb?: unknown }).verb).toEqual(expect.any(String));
  });

  it.each(cards)('when the %s card is built, then it has a plain-text fallback', (_name, json) => {
    expect(json.fallbackText.length).toBeGreaterThan(10);
  });

  it('when a name contains Markdown characters, then they are escaped so Teams shows them literally', () => {
    const json = diagnosisCard({ facts, diagnosis: good, timeZone: 'UTC', now, detailsUrl, askedBy: 'u1' }).card;
    expect(JSON.stringify(json.body)).toContain('Ravi\\\\_Patel \\\\[guest\\\\]');
  });

  it('when text has parentheses, then they are left alone, since some Teams clients print an escaping backslash', () => {
    const json = diagnosisCard({ facts, diagnosis: poor, timeZone: 'UTC', now, detailsUrl, askedBy: 'u1' }).card;
    const text = JSON.stringify(json.body);
    expect(text).toContain('(UTC)');
    expect(text).not.toContain('\\\\(');
  });

  it("when the cause is inside Microsoft's network and a spike was noted, then the card names that side and shows the note", () => {
    const reply = diagnosisCard({ facts, diagnosis: serviceSide, timeZone: 'UTC', now, detailsUrl, askedBy: 'u1' });
    expect(parseErrors(reply.card)).toEqual([]);
    expect(reply.text).toContain("Most likely cause: Lost network packets (inside Microsoft's network)");
    expect(reply.text).toContain('A brief spike: The audio Ravi sent you was fine on average but spiked briefly: up to 60% of its packets were lost.');
  });

  it('when a parser sees a deliberately broken card, then this check would notice', () => {
    const broken = { ...welcomeCard().card, body: [{ type: 'TextBlockk', text: 'x' }] } as AdaptiveCardJson;
    expect(parseErrors(broken).length).toBeGreaterThan(0);
  });
});
