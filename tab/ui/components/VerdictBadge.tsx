// A verdict as a badge: the bot's label in text (never colour alone) and a matching colour.
import { Badge } from '@fluentui/react-components';
import type { Verdict } from '../../../diagnosis/index.js';
import { VERDICTS } from '../model/wording.js';

const COLOURS: Readonly<Record<Verdict, 'success' | 'warning' | 'danger' | 'informative'>> = {
  good: 'success',
  poor: 'warning',
  dropped: 'danger',
  'setup-failed': 'danger',
  unclassified: 'informative',
};

export function VerdictBadge({ verdict, size = 'medium' }: { verdict: Verdict; size?: 'medium' | 'large' | 'extra-large' }) {
  const wording = VERDICTS[verdict] ?? VERDICTS.unclassified;
  return (
    <Badge appearance="filled" color={COLOURS[verdict] ?? 'informative'} size={size} shape="rounded" data-verdict={verdict}>
      {wording.label}
    </Badge>
  );
}
