// A breakdown table: bucket, calls, poor and dropped with rates; the worst bucket says so in text.
import { makeStyles, tokens } from '@fluentui/react-components';
import { rateRowViews } from '../model/qualityView.js';
import type { RateRow } from '../api/types.js';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', minWidth: '18em' },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  worst: { fontWeight: tokens.fontWeightSemibold },
});

export function RateTable({ dimension, rows, caption }: { dimension: string; rows: readonly RateRow[]; caption: string }) {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <table className={styles.table} data-dimension={dimension}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
      <thead>
        <tr>
          {['', 'Calls', 'Poor', 'Dropped'].map((h, i) => (
            <th key={i} className={styles.cell} scope="col">
              {h || <span style={{ position: 'absolute', clipPath: 'inset(50%)' }}>Bucket</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rateRowViews(dimension, rows).map((row) => (
          <tr key={row.label} className={row.worst ? styles.worst : undefined}>
            <th className={styles.cell} scope="row">
              {row.label}
              {row.worst && ' (worst)'}
            </th>
            <td className={styles.cell}>{row.calls}</td>
            <td className={styles.cell}>{row.poor}</td>
            <td className={styles.cell}>{row.dropped}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
