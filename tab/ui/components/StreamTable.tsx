// Every stream of one segment, both directions, with each metric classed against the thresholds.
import { makeStyles, tokens } from '@fluentui/react-components';
import { METRIC_SPECS } from '../model/streamMetrics.js';
import type { StreamView } from '../model/timeline.js';
import { ClassTag, MetricValue } from './MetricValue.js';

const KIND: Readonly<Record<string, string>> = { audio: 'Audio', video: 'Video', screenSharing: 'Screen sharing', unknown: 'Media' };

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, whiteSpace: 'nowrap' },
  td: { padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
});

export function StreamTable({ streams, caption }: { streams: readonly StreamView[]; caption: string }) {
  const styles = useStyles();
  const fields = METRIC_SPECS.filter((spec) => streams.some((s) => s.cells.some((c) => c.field === spec.field)));
  if (streams.length === 0) return <p>No media streams were reported for this segment.</p>;
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption style={{ textAlign: 'left' }}>{caption}</caption>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              Stream
            </th>
            <th className={styles.th} scope="col">
              Class
            </th>
            {fields.map((spec) => (
              <th key={spec.field} className={styles.th} scope="col">
                {spec.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {streams.map((stream) => (
            <tr key={stream.id} data-stream={stream.id} data-kind={stream.kind} data-sender-me={stream.sender.isMe} data-receiver-me={stream.receiver.isMe}>
              <th className={styles.td} scope="row">
                {KIND[stream.kind]}: {stream.label}
              </th>
              <td className={styles.td}>
                <ClassTag cls={stream.cls} />
              </td>
              {fields.map((spec) => {
                const cell = stream.cells.find((c) => c.field === spec.field);
                return (
                  <td key={spec.field} className={styles.td}>
                    {cell ? <MetricValue cell={cell} /> : <span aria-label="not applicable">–</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
