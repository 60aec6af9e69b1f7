// The words for verdicts, sides and causes: the bot's wording module, so the tab and the bot say
// the same thing (one module, not two). It is pure and imports only diagnosis/ types.
export { VERDICTS, SIDES, causeLabel } from '../../../bot/cards/wording.js';
import { SIDES } from '../../../bot/cards/wording.js';

/** Any side diagnosis/ produces, including ones added later, reads sensibly. */
export function sideLabel(side: string): string {
  return (SIDES as Readonly<Record<string, string>>)[side] ?? `side: ${side}`;
}
