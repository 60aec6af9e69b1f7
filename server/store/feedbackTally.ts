import type { FeedbackStore } from '../../bot/index.js';

/** Helpful / not helpful counts per top cause: what the feedback is for. */
export interface FeedbackTally {
  readonly causeCode: string | null;
  readonly helpful: number;
  readonly notHelpful: number;
}

/** A FeedbackStore that can also report its tally for a tenant. */
export interface TalliedFeedbackStore extends FeedbackStore {
  tally(tenantId: string): Promise<FeedbackTally[]>;
}
