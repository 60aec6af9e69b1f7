// Meetings named by what they are rather than when or with whom: "the big meeting", "the all
// hands", "the town hall", "my 1:1". Call records carry no meeting title, so these are matched by
// size (participant count) and type; the answer says so.

export interface MeetingKind {
  /** 'largest': the meeting with the most participants; 'oneOnOne': a call between two people. */
  readonly size: 'largest' | 'oneOnOne';
  /** The words the user used, said back in the answer ("the all hands"). */
  readonly said: string;
}

const LARGEST = /\b(all[- ]?hands?|allhands|town ?hall|townhall|company (?:meeting|call)|big(?:gest)? (?:meeting|call|one)|large(?:st)? (?:meeting|call)|huge (?:meeting|call)|massive (?:meeting|call)|staff meeting|kick-?off|the webinar|quarterly (?:meeting|review|update)|qbr)\b/i;
const ONE_ON_ONE = /\b(1:1|1-1|1 on 1|one[- ]on[- ]one|1o1)\b/i;

export function parseMeetingKind(text: string): MeetingKind | null {
  const largest = LARGEST.exec(text);
  if (largest) return { size: 'largest', said: `the ${largest[1]!.toLowerCase()}` };
  const single = ONE_ON_ONE.exec(text);
  if (single) return { size: 'oneOnOne', said: `your ${single[1]!.toLowerCase()}` };
  return null;
}
