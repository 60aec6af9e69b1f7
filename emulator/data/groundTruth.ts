// What the generator meant each record to show. Written beside the records (ground-truth.json),
// never inside a Graph payload, so the diagnosis engine can be scored against it.
export interface GroundTruth {
  callId: string;
  /** The participant whose experience the scenario describes: the person who would ask the bot. */
  userId: string;
  /** Scenario name, e.g. 'wifi-weak-signal', 'vpn', 'good-1to1', 'setup-failure', 'midcall-drop'. */
  scenario: string;
  verdict: 'good' | 'poor' | 'dropped' | 'setup-failed' | 'unclassified';
  /** The intended root-cause code (a CauseCode of diagnosis/types.ts), null for a good call. */
  cause: string | null;
  /** Whose side that cause is on, from userId's point of view; null for a good call. */
  side: 'you' | 'other' | 'service' | 'unknown' | null;
  /** True when the record deliberately mixes signals so that no single answer is right. */
  ambiguous: boolean;
  /** Notes the answer should carry beside its verdict (a NoteCode of diagnosis/types.ts), e.g. 'brief-spike'. */
  notes?: string[];
}
