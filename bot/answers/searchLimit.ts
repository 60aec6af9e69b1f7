// Judging a call needs its full record, so a question examines only the newest few calls. When
// there were more, "none found" is only true of those: the answer says how many it checked and
// points at the tab, which lists them all, instead of claiming there were none.
import { openUrl } from '../cards/cardKit.js';
import type { CardElement } from '../cards/cardKit.js';

export const TAB_HAS_THE_REST = 'You had more calls than that: the Call Doctor tab lists them all.';

/** "I checked your 30 most recent calls this week; none was poor or dropped." */
export function checkedOnly(checked: number, period: string, noneWas: string): string {
  return `I checked your ${checked} most recent calls ${period}; none was ${noneWas}.`;
}

export function openTabButton(url: string): CardElement {
  return openUrl('Open in the Call Doctor tab', url);
}
