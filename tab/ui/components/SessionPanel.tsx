// One session (leg) in full: its segments with times, who with whom, failure, every stream's
// metrics, both endpoints, and (lazily loaded) charts of average versus maximum.
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { Thresholds } from '../../../diagnosis/index.js';
import { durationSeconds, formatDuration, type SegmentView, type SessionView } from '../model/timeline.js';
import { EndpointPanel } from './EndpointPanel.js';
import { ClassTag } from './MetricValue.js';
import { StreamTable } from './StreamTable.js';

const StreamCharts = lazy(() => import('./StreamCharts.js'));

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  endpoints: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  failure: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function timeRange(start: string | null, end: string | null, locale: string): string {
  const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '?');
  return `${fmt(start)} – ${fmt(end)} (${formatDuration(durationSeconds(start, end))})`;
}

export function SessionPanel({ session, thresholds, locale, headingLevel = 3 }: { session: SessionView; thresholds: Thresholds; locale: string; headingLevel?: 3 | 4 }) {
  const styles = useStyles();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className={styles.card} data-session={session.id} data-mine={session.mine} aria-label={`Leg ${session.caller.label} with ${session.callee.label}`}>
      <Heading>
        {session.caller.label} ↔ {session.callee.label} <ClassTag cls={session.cls} />
      </Heading>
      <p>
        {timeRange(session.start, session.end, locale)}
        {session.modalities.length > 0 && ` · ${session.modalities.join(', ')}`}
      </p>
      {session.failure && (
        <p className={styles.failure}>
          Failed during {session.failure.stage ?? 'the call'}
          {session.failure.reason ? `: ${session.failure.reason}` : ''}
        </p>
      )}
      {session.segments.map((segment, index) => (
        <SegmentBlock key={segment.id || index} chartsOpen={session.mine} segment={segment} index={index} count={session.segments.length} thresholds={thresholds} locale={locale} />
      ))}
    </article>
  );
}

function SegmentBlock({ segment, index, count, thresholds, locale, chartsOpen }: { segment: SegmentView; index: number; count: number; thresholds: Thresholds; locale: string; chartsOpen: boolean }) {
  const styles = useStyles();
  const [charts, setCharts] = useState(chartsOpen);
  return (
    <section data-segment={segment.id} aria-label={`Segment ${index + 1} of ${count}`}>
      <h5>
        Segment {index + 1} of {count}: {segment.caller.label} → {segment.callee.label}, {timeRange(segment.start, segment.end, locale)}
      </h5>
      {segment.failure && (
        <p className={styles.failure}>
          Segment failed during {segment.failure.stage ?? 'the call'}
          {segment.failure.reason ? `: ${segment.failure.reason}` : ''}
        </p>
      )}
      <StreamTable streams={segment.streams} caption={`Streams of segment ${index + 1}, both directions`} />
      <div className={styles.endpoints}>
        <EndpointPanel endpoint={segment.caller} thresholds={thresholds} />
        <EndpointPanel endpoint={segment.callee} thresholds={thresholds} />
      </div>
      {segment.streams.length > 0 &&
        (charts ? (
          <Suspense fallback={<Spinner label="Loading charts" />}>
            <StreamCharts streams={segment.streams} thresholds={thresholds} />
          </Suspense>
        ) : (
          <Button appearance="subtle" onClick={() => setCharts(true)}>
            Show charts for segment {index + 1}
          </Button>
        ))}
    </section>
  );
}
