// One or two sentences in the second person for the bot and the alerts.
import { LABELS } from './labels.js';
import type { Cause, Side, Verdict } from './types.js';


function where(side: Side, otherName: string | null): string {
  switch (side) {
    case 'you':
      return ' on your side';
    case 'other':
      return otherName ? ` on ${otherName}'s side` : " on the other person's side";
    case 'service':
      return " inside Microsoft's network, not on your side";
    case 'unknown':
      return '';
  }
}

/** "Most likely because of a weak Wi-Fi signal on your side." */
function because(top: Cause | undefined, otherName: string | null, group: number): string {
  if (!top || top.code === 'dropped-unexpectedly' || top.code === 'media-connectivity-failed' || top.code === 'no-quality-data') return '';
  if (top.code === 'user-rated-poor') return '';
  if (group > 1) return `, most likely because of ${LABELS[top.code]} among ${group} other attendees`;
  return `, most likely because of ${LABELS[top.code]}${where(top.side, otherName)}`;
}

export interface SummaryContext {
  /** Name of the other person when the top cause is on their side. */
  readonly otherName: string | null;
  /** False when the asking user was on no endpoint: then the call is "this call", not "your call". */
  readonly asParticipant: boolean;
  /** The call dropped and the same person came back on a later leg. */
  readonly rejoined: boolean;
  /** What the verdict rests on: "4 streams measured (audio and video; what you sent and what you received)". */
  readonly measured?: string;
  /** The top cause stands for this many other attendees (a grouped meeting cause). */
  readonly group?: number;
}

export function summarise(verdict: Verdict, causes: readonly Cause[], context: SummaryContext): string {
  const { otherName, asParticipant, rejoined } = context;
  const group = context.group ?? 0;
  const measured = context.measured ?? 'the streams measured';
  const top = causes[0];
  const advice = top ? ` ${top.advice}` : '';
  const call = asParticipant ? 'Your call' : 'This call';
  switch (verdict) {
    case 'good':
      return `${call} looked good: ${measured}, none crossed Microsoft's call-quality thresholds, and no device problem was reported.`;
    case 'unclassified':
      return `This call record has too little quality data to judge the call: ${top?.evidence ?? 'no stream carried enough measured audio or video'}.${advice}`;
    case 'dropped': {
      const back = rejoined ? `, and ${asParticipant ? 'you' : 'the person who dropped'} rejoined` : '';
      const reason = because(top, otherName, group);
      // No condition in the record explains the drop: say so, and what the record does show.
      const honest = reason === '' && top?.code === 'dropped-unexpectedly' ? ` The record does not show why: ${measured}, and no network or device condition in it explains the drop.` : '';
      return `${call} dropped unexpectedly after it had connected${reason}${back}.${honest}${advice}`;
    }
    case 'setup-failed':
      return `${call} never connected${because(top, otherName, group)}.${advice}`;
    case 'poor':
      if (top?.code === 'user-rated-poor') return `You rated this call poor, but its measurements (${measured}) stayed within Microsoft's call-quality thresholds.${advice}`;
      return `${asParticipant ? 'Your call' : "This call's"} quality was poor${because(top, otherName, group)}.${advice}`;
  }
}
