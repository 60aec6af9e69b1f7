// The user's own end-of-call rating: "poor" or "bad" makes the call poor even when every metric
// looked fine, because the person noticed something the telemetry did not.
import { confidenceOf as c } from './confidence.js';
import type { Finding } from './finding.js';
import { findingFor } from './finding.js';
import type { CallView } from './model.js';

const POOR_RATINGS = new Set(['poor', 'bad']);

export function ratingFindings(call: CallView): Finding[] {
  if (!call.userFound) return [];
  for (const session of call.sessions) {
    for (const endpoint of [session.caller, session.callee, ...session.segments.flatMap((s) => [s.caller, s.callee])]) {
      if (!endpoint.isUser || !endpoint.feedbackRating || !POOR_RATINGS.has(endpoint.feedbackRating)) continue;
      const tokens = endpoint.feedbackTokens.length > 0 ? ` and flagged ${endpoint.feedbackTokens.slice(0, 5).join(', ')}` : '';
      return [
        findingFor('user-rated-poor', null, {
          tier: 'rating',
          // A rating says the call was bad, not whose side made it so.
          side: 'unknown',
          confidence: c('rating.poor'),
          evidence: `you rated the call "${endpoint.feedbackRating}"${tokens}`,
          facts: [{ field: `${endpoint.path}.feedback.rating`, value: endpoint.feedbackRating }],
          makesPoor: true,
        }),
      ];
    }
  }
  return [];
}
