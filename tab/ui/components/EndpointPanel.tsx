// One endpoint's network, device and client, with classed ratios where a threshold applies.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Thresholds } from '../../../diagnosis/index.js';
import { endpointFacts, isMetric } from '../model/endpointInfo.js';
import type { EndpointView } from '../model/timeline.js';
import { MetricValue } from './MetricValue.js';

const useStyles = makeStyles({
  panel: { minWidth: '14em', flex: '1 1 18em' },
  list: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
});

export function EndpointPanel({ endpoint, thresholds }: { endpoint: EndpointView; thresholds: Thresholds }) {
  const styles = useStyles();
  if (endpoint.isService) {
    return (
      <div className={styles.panel}>
        <h4>{endpoint.label}</h4>
        <p>A Microsoft service endpoint; it reports no network or device of its own.</p>
      </div>
    );
  }
  const facts = endpointFacts(endpoint, thresholds);
  const groups = [
    ['Network', facts.network],
    ['Device', facts.device],
    ['Client', facts.client],
  ] as const;
  return (
    <div className={styles.panel}>
      <h4>{endpoint.label}</h4>
      {groups.map(([title, list]) =>
        list.length === 0 ? null : (
          <section key={title} aria-label={`${endpoint.label}: ${title}`}>
            <h5>{title}</h5>
            <dl className={styles.list}>
              {list.map((fact) => (
                <div key={fact.label} style={{ display: 'contents' }}>
                  <dt className={styles.dt}>{fact.label}</dt>
                  <dd className={styles.dd}>{isMetric(fact) ? <MetricValue cell={fact} /> : fact.text}</dd>
                </div>
              ))}
            </dl>
          </section>
        ),
      )}
    </div>
  );
}
