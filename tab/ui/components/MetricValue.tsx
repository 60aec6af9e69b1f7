// One classed value: colour, a symbol and the class in words (visually hidden, read by screen
// readers), and the threshold with its source in a tooltip reachable by keyboard.
import { makeStyles, mergeClasses, tokens, Tooltip } from '@fluentui/react-components';
import type { CellClass, MetricCell } from '../model/streamMetrics.js';
import { classWord } from '../model/streamMetrics.js';

const SYMBOL: Readonly<Record<CellClass, string>> = { good: '✓', borderline: '!', poor: '✕', unclassified: '' };

const useStyles = makeStyles({
  value: {
    display: 'inline-flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid transparent`,
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  good: { backgroundColor: tokens.colorPaletteGreenBackground1, border: `1px solid ${tokens.colorPaletteGreenBorder1}` },
  borderline: { backgroundColor: tokens.colorPaletteYellowBackground1, border: `1px solid ${tokens.colorPaletteYellowBorder1}` },
  poor: { backgroundColor: tokens.colorPaletteRedBackground1, border: `1px solid ${tokens.colorPaletteRedBorder2}`, fontWeight: tokens.fontWeightSemibold },
  unclassified: { color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export function MetricValue({ cell, showLabel = false }: { cell: MetricCell; showLabel?: boolean }) {
  const styles = useStyles();
  return (
    <Tooltip content={cell.tooltip} relationship="description" withArrow>
      <span tabIndex={0} className={mergeClasses(styles.value, styles[cell.cls])} data-field={cell.field} data-class={cell.cls} data-value={cell.value ?? ''}>
        {showLabel && `${cell.label}: `}
        {cell.display}
        {SYMBOL[cell.cls] && <span aria-hidden="true">{SYMBOL[cell.cls]}</span>}
        <span className={styles.hidden}>, {classWord(cell.cls)}</span>
      </span>
    </Tooltip>
  );
}

/** The class of a whole stream or leg in words, coloured the same way. */
export function ClassTag({ cls }: { cls: CellClass }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.value, styles[cls])} data-class={cls}>
      {SYMBOL[cls] && <span aria-hidden="true">{SYMBOL[cls]}</span>}
      {classWord(cls)}
    </span>
  );
}
