// The words the bot uses for verdicts, sides and causes, shared by every card and plain-text
// fallback. The words themselves live in diagnosis/ (titles.ts, labels.ts), which the tab also
// renders; only the Adaptive Card colours are the bot's own.
import { SIDE_LABELS, VERDICT_TITLES, causeTitle } from '../../diagnosis/index.js';
import type { Side, Verdict } from '../../diagnosis/types.js';

export interface VerdictWording {
  readonly icon: string;
  readonly label: string;
  /** Adaptive Card TextBlock color. */
  readonly color: 'Good' | 'Warning' | 'Attention' | 'Default';
}

export const VERDICTS: Readonly<Record<Verdict, VerdictWording>> = {
  good: { ...VERDICT_TITLES.good, color: 'Good' },
  poor: { ...VERDICT_TITLES.poor, color: 'Warning' },
  dropped: { ...VERDICT_TITLES.dropped, color: 'Attention' },
  'setup-failed': { ...VERDICT_TITLES['setup-failed'], color: 'Attention' },
  unclassified: { ...VERDICT_TITLES.unclassified, color: 'Default' },
};

/** From diagnosis/ (its wording), so a side it adds reads the same on every card. */
export const SIDES: Readonly<Record<Side, string>> = SIDE_LABELS;

export const causeLabel = causeTitle;
