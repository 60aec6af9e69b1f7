// "Why are my calls always bad?": the user's own last 30 days through diagnosis/patterns, the
// same computation as the tab's My quality, so both say the same numbers.
import { patterns } from '../../diagnosis/index.js';
import type { Asker } from '../asker.js';
import { listOwnCalls, loadOwnCall } from '../calls/ownCalls.js';
import { noticeCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { safeDiagnose } from './diagnoseOwnCall.js';
import type { BotReply } from './reply.js';
import { cardReply } from './reply.js';
import { openTabButton } from './searchLimit.js';

/** Record fetches one question may cost; the tab's My quality looks further. */
export const MAX_PATTERN_CALLS = 60;

export async function answerQualityPatterns(deps: BotDependencies, asker: Asker): Promise<BotReply> {
  const summaries = await listOwnCalls(deps.calls, asker.userId, deps.now(), { limit: MAX_PATTERN_CALLS + 1 });
  const observations: patterns.CallObservation[] = [];
  for (const summary of summaries.slice(0, MAX_PATTERN_CALLS)) {
    const record = await loadOwnCall(deps.calls, asker.userId, summary.id, summary.version);
    if (record) observations.push(patterns.observeCall(record, safeDiagnose(deps, record, asker.userId), asker.userId, { timeZone: asker.timeZone }));
  }
  const quality = patterns.myQuality(observations);
  const paragraphs = [quality.headline];
  if (quality.recurring) paragraphs.push(`What to do: ${quality.recurring.advice}`);
  const worstConnection = quality.by.connectionType.find((row) => row.poor > 0 && row.calls >= 3);
  if (worstConnection && !quality.recurring) paragraphs.push(`Your calls on ${worstConnection.label} go worst: ${worstConnection.poor} of ${worstConnection.calls} were poor or failed.`);
  if (summaries.length > MAX_PATTERN_CALLS) paragraphs.push(`I looked at your ${MAX_PATTERN_CALLS} most recent calls; the Call Doctor tab's My quality covers all 30 days.`);
  const title = quality.recurring ? 'A pattern in your calls' : 'Your call quality, last 30 days';
  return cardReply(noticeCard({ title, paragraphs, actions: [openTabButton(deps.links.recentCalls())] }), `${title}: ${quality.headline}`);
}
