// The words for verdicts, sides and causes come from diagnosis/ (titles.ts, labels.ts), the same
// module the bot's cards use, so the tab and the bot say the same thing (one module, not two).
export { VERDICT_TITLES as VERDICTS, causeTitle as causeLabel, sideLabel } from '../../../diagnosis/index.js';
