// Follow-ups about the call under discussion: whose side, the call before or after it, one cause's
// evidence, what to do, the details in the tab. Each reloads the call through calls/ownCalls, so
// the participation check runs again; with no call under discussion the bot asks which call.
import type { FullCallRecord } from '../../graph/contract.js';
import type { Cause, CauseCode, Diagnosis } from '../../diagnosis/types.js';
import type { Asker } from '../asker.js';
import { describeCall } from '../calls/callFacts.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import { openUrl, submit, Verbs } from '../cards/cardKit.js';
import { noticeCard } from '../cards/noticeCard.js';
import { causeLabel, SIDES } from '../cards/wording.js';
import type { BotDependencies } from '../dependencies.js';
import type { DiscussedCall } from '../state.js';
import { MAX_CANDIDATES } from './callSearch.js';
import { answerForRecord, safeDiagnose } from './diagnoseOwnCall.js';
import { callReference, capitalise } from './leads.js';
import { answerCallById } from './oneCall.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';

/** What the follow-up asks about the call under discussion. */
export type FollowUp =
  | { readonly ask: 'side'; readonly suspect?: Suspect }
  | { readonly ask: 'previous' }
  | { readonly ask: 'next' }
  | { readonly ask: 'evidence'; readonly about?: Suspect }
  | { readonly ask: 'advice' }
  | { readonly ask: 'details' };

/** Things people suspect ("was it my Wi-Fi?", "was my laptop the problem?"). */
export type Suspect = 'network' | 'wifi' | 'computer' | 'microphone' | 'speaker' | 'vpn' | 'echo' | 'video' | 'loss' | 'delay';

const SUSPECTS: Readonly<Record<Suspect, { readonly words: string; readonly codes: readonly CauseCode[] }>> = {
  wifi: { words: 'Wi-Fi', codes: ['wifi-weak-signal', 'wifi-2.4ghz', 'packet-loss', 'jitter', 'congested-network'] },
  network: { words: 'network', codes: ['wifi-weak-signal', 'wifi-2.4ghz', 'vpn', 'tcp-fallback', 'mobile-network', 'high-latency', 'packet-loss', 'jitter', 'low-bandwidth', 'congested-network'] },
  computer: { words: 'computer', codes: ['cpu-overload', 'audio-glitches'] },
  microphone: { words: 'microphone', codes: ['mic-not-working', 'low-speech-level', 'mic-clipping', 'echo-howling'] },
  speaker: { words: 'speaker', codes: ['speaker-not-working', 'speaker-muted'] },
  vpn: { words: 'VPN', codes: ['vpn', 'tcp-fallback'] },
  echo: { words: 'echo', codes: ['echo-howling'] },
  video: { words: 'video', codes: ['video-freezes', 'video-frame-loss', 'video-low-frame-rate'] },
  loss: { words: 'packet loss', codes: ['packet-loss'] },
  delay: { words: 'delay', codes: ['high-latency', 'jitter'] },
};

export function suspectWords(suspect: Suspect): string {
  return SUSPECTS[suspect].words;
}

export async function answerFollowUp(deps: BotDependencies, asker: Asker, followUp: FollowUp, discussed: DiscussedCall | null): Promise<BotReply> {
  if (!discussed) return whichCall();
  const record = await loadOwnCall(deps.calls, asker.userId, discussed.callId);
  if (!record) return answerCallById(deps, asker, discussed.callId);
  const diagnosis = safeDiagnose(deps, record, asker.userId);
  const about = { callId: record.id, startDateTime: record.startDateTime ?? discussed.startDateTime };
  const reference = callReference(describeCall(record, asker.userId), asker.timeZone, deps.now());
  const details = openUrl('Show segments', deps.links.callDetails(record.id));
  const reply = (title: string, paragraphs: string[], summary: string): BotReply => ({
    ...cardReply(noticeCard({ title, paragraphs, actions: [details] }), summary),
    about,
  });
  switch (followUp.ask) {
    case 'previous':
    case 'next':
      return neighbour(deps, asker, record, followUp.ask, reference);
    case 'side': {
      const { title, text } = sideAnswer(diagnosis, followUp.suspect);
      return reply(title, [text, `About ${reference}.`], `${record.id}: ${title}`);
    }
    case 'evidence': {
      const cause = pickCause(diagnosis, followUp.about);
      if (!cause) {
        const title = followUp.about ? `No sign of ${SUSPECTS[followUp.about].words} trouble` : 'Nothing went wrong';
        const shown = diagnosis.causes.length > 0 ? `What it does show: ${diagnosis.causes.slice(0, 3).map((c) => causeLabel(c.code)).join('; ')}.` : diagnosis.summary;
        return reply(title, [`The record of ${reference} shows no ${followUp.about ? SUSPECTS[followUp.about].words + ' ' : ''}problem.`, shown], `${record.id}: ${title}`);
      }
      const facts = cause.facts.slice(0, 4).map((f) => `${f.field} = ${String(f.value)}${f.threshold !== undefined ? ` (limit ${f.threshold})` : ''}`);
      const title = `Evidence: ${causeLabel(cause.code)} (${SIDES[cause.side]})`;
      return reply(title, [`In ${reference}, ${cause.evidence}.`, ...(facts.length > 0 ? [`From the call record: ${facts.join('; ')}.`] : [])], `${record.id}: ${cause.code} evidence`);
    }
    case 'advice': {
      if (diagnosis.causes.length === 0) return reply('Nothing to fix', [`${capitalise(reference)} went well: ${diagnosis.summary}`], `${record.id}: nothing to fix`);
      const steps = diagnosis.causes.slice(0, 2).map((c) => `${causeLabel(c.code)} (${SIDES[c.side]}): ${c.advice}`);
      return reply('What to do', [`For ${reference}:`, ...steps], `${record.id}: advice for ${diagnosis.causes[0]!.code}`);
    }
    case 'details': {
      const segments = diagnosis.segments.length;
      return reply(
        `Details of ${reference}`,
        [`The Call Doctor tab shows every segment and stream of this call with the measured values${segments > 0 ? ` (${segments} segment${segments === 1 ? '' : 's'})` : ''}.`],
        `${record.id}: details link`,
      );
    }
  }
}

function whichCall(): BotReply {
  return cardReply(
    noticeCard({
      title: 'Which call do you mean?',
      paragraphs: ['We haven’t talked about a call yet (or it was a while ago). Ask about one first, for example "my last call", "my call with Ravi yesterday" or "the meeting this afternoon", then ask me about it.'],
      actions: [submit('My last call', Verbs.lastCall), submit('My recent calls', Verbs.recentCalls)],
    }),
    'Asked which call the follow-up is about: no call under discussion.',
  );
}

function sideAnswer(diagnosis: Diagnosis, suspect: Suspect | undefined): { title: string; text: string } {
  const top = diagnosis.causes[0];
  if (!top) return { title: diagnosis.verdict === 'good' ? 'Nobody’s: that call went well' : 'I can’t tell', text: diagnosis.summary };
  if (suspect) {
    const family = SUSPECTS[suspect];
    const suspected = diagnosis.causes.filter((c) => family.codes.includes(c.code));
    const yours = suspected.find((c) => c.side === 'you');
    if (yours) return { title: `Yes, it looks like your ${family.words}`, text: `${causeLabel(yours.code)} (${SIDES[yours.side]}): ${yours.evidence}.` };
    const theirs = suspected[0];
    if (theirs) return { title: `Not yours: ${causeLabel(theirs.code)} was ${SIDES[theirs.side]}`, text: `${theirs.evidence}.` };
    return { title: `No sign of your ${family.words} being the problem`, text: `The most likely cause was ${causeLabel(top.code).toLowerCase()} (${SIDES[top.side]}): ${top.evidence}.` };
  }
  return { title: `${capitalise(SIDES[top.side])}: ${causeLabel(top.code)}`, text: `${top.evidence}.` };
}

function pickCause(diagnosis: Diagnosis, about: Suspect | undefined): Cause | undefined {
  if (!about) return diagnosis.causes[0];
  return diagnosis.causes.find((c) => SUSPECTS[about].codes.includes(c.code));
}

async function neighbour(deps: BotDependencies, asker: Asker, current: FullCallRecord, direction: 'previous' | 'next', reference: string): Promise<BotReply> {
  const start = new Date(current.startDateTime ?? 0);
  const listed = direction === 'previous'
    ? await listOwnCalls(deps.calls, asker.userId, deps.now(), { until: new Date(start.getTime() - 1), limit: 3 })
    : (await listOwnCalls(deps.calls, asker.userId, deps.now(), { since: new Date(start.getTime() + 1), limit: MAX_CANDIDATES })).reverse();
  for (const summary of listed) {
    if (summary.id === current.id) continue;
    const record = await loadOwnCall(deps.calls, asker.userId, summary.id, summary.version);
    if (record) return answerForRecord(deps, asker, record, { lead: `${direction === 'previous' ? 'Before' : 'After'} ${reference}:` });
  }
  const title = direction === 'previous' ? 'No earlier call' : 'No later call';
  const text = direction === 'previous' ? `${capitalise(reference)} is your earliest call in the last 30 days.` : `${capitalise(reference)} is your most recent call.`;
  return { ...cardReply(noticeCard({ title, paragraphs: [text], actions: [submit('My recent calls', Verbs.recentCalls)] }), title), about: { callId: current.id, startDateTime: current.startDateTime ?? '' } };
}
