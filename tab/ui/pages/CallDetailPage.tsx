// Call detail (#/calls/{id}): verdict and causes in the bot's words, then the call segment by
// segment with the user's own legs first; everyone else's legs in a windowed list.
import { Button, Link, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Thresholds } from '../../../diagnosis/index.js';
import { API_ROUTES, type CallDetail } from '../api/types.js';
import { useServices } from '../app/context.js';
import { useApi } from '../app/useApi.js';
import { ClassTag } from '../components/MetricValue.js';
import { SessionPanel, timeRange } from '../components/SessionPanel.js';
import { Failure, Loading } from '../components/Status.js';
import { VerdictBadge } from '../components/VerdictBadge.js';
import { VirtualList } from '../components/VirtualList.js';
import { thresholdsInForce } from '../model/thresholdsInForce.js';
import { buildTimeline, type SessionView, type Timeline } from '../model/timeline.js';
import { causeLabel, sideLabel } from '../model/wording.js';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  causes: { listStyleType: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cause: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
  side: { color: tokens.colorNeutralForeground2 },
  row: { width: '100%', height: '100%', justifyContent: 'flex-start', textAlign: 'left', gap: tokens.spacingHorizontalS },
  table: { borderCollapse: 'collapse' },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
});

const ROW_HEIGHT = 44;

export function CallDetailPage({ id }: { id: string }) {
  const result = useApi<CallDetail>(API_ROUTES.call(id));
  if (result.state === 'loading') return <Loading label="Loading the call" />;
  if (result.state === 'error') return <Failure result={result} what="This call" />;
  return <CallDetailView detail={result.data} />;
}

export function CallDetailView({ detail }: { detail: CallDetail }) {
  const styles = useStyles();
  const { session, host, thresholds: defaults } = useServices();
  const myId = detail.viewedUserId || session.identity()?.userId || host.context.userId || '';
  const thresholds = useMemo(() => thresholdsInForce(detail.sessions, defaults), [detail.sessions, defaults]);
  const timeline = useMemo(() => buildTimeline(detail.sessions, myId, thresholds), [detail.sessions, myId, thresholds]);
  const mine = timeline.sessions.filter((s) => s.mine);
  const others = timeline.sessions.filter((s) => !s.mine);
  const meeting = detail.type === 'groupCall' || others.length > 0 || timeline.participants.length > 2;
  const start = detail.startDateTime ?? mine[0]?.start ?? timeline.sessions[0]?.start ?? null;
  const { diagnosis } = detail;
  return (
    <article aria-labelledby="call-title">
      <p>
        <Link href="#/calls">← My calls</Link>
      </p>
      {detail.helpdesk && (
        <MessageBar intent="info">
          <MessageBarBody>Helpdesk view: you are reading someone else's call. This read is recorded in the audit log.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.head}>
        <h1 id="call-title">{meeting ? 'Meeting' : 'Call'}{start ? ` on ${new Date(start).toLocaleString(host.context.locale, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}</h1>
        <VerdictBadge verdict={diagnosis.verdict} size="large" />
      </div>
      <Text as="p" size={400}>
        {diagnosis.summary}
      </Text>
      {diagnosis.causes.length > 0 && (
        <section aria-labelledby="causes-title">
          <h2 id="causes-title">Why</h2>
          <ol className={styles.causes}>
            {diagnosis.causes.map((cause, index) => (
              <li key={`${cause.code}-${index}`} className={styles.cause} data-cause={cause.code} data-side={cause.side}>
                <strong>{causeLabel(cause.code)}</strong> <span className={styles.side}>({sideLabel(cause.side)})</span>
                <p>{cause.evidence}</p>
                {cause.advice && <p>What to do: {cause.advice}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {diagnosis.notes && diagnosis.notes.length > 0 && (
        <section aria-label="Notes">
          <ul>
            {diagnosis.notes.map((note, i) => (
              <li key={`${note.code}-${i}`}>{note.text}</li>
            ))}
          </ul>
        </section>
      )}
      {meeting && <Impacts timeline={timeline} />}
      <section aria-labelledby="your-legs-title">
        <h2 id="your-legs-title">{mine.length === 1 ? 'Your leg' : `Your legs (${mine.length})`}</h2>
        {mine.length === 0 && <p>None of the legs in this record is yours.</p>}
        {mine.map((s) => (
          <SessionPanel key={s.id} session={s} thresholds={thresholds} locale={host.context.locale} />
        ))}
      </section>
      {others.length > 0 && <OtherLegs sessions={others} thresholds={thresholds} />}
    </article>
  );
}

function Impacts({ timeline }: { timeline: Timeline }) {
  const styles = useStyles();
  const affected = timeline.participants.filter((p) => p.impacting > 0 || p.impacted > 0);
  const rest = timeline.participants.length - affected.length;
  return (
    <section aria-labelledby="impact-title">
      <h2 id="impact-title">Who was impacting, who was impacted</h2>
      <p>Impacting: sent poor streams that others received. Impacted: received poor streams.</p>
      {affected.length === 0 ? (
        <p>No participant sent or received a poor stream.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell} scope="col">
                Participant
              </th>
              <th className={styles.cell} scope="col">
                Poor streams sent (impacting)
              </th>
              <th className={styles.cell} scope="col">
                Poor streams received (impacted)
              </th>
            </tr>
          </thead>
          <tbody>
            {affected.map((p) => (
              <tr key={`${p.label}-${p.isMe}`} data-participant={p.label}>
                <th className={styles.cell} scope="row">
                  {p.label}
                </th>
                <td className={styles.cell}>{p.impacting}</td>
                <td className={styles.cell}>{p.impacted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rest > 0 && <p>{rest === 1 ? '1 other participant' : `${rest} other participants`} had no poor streams.</p>}
    </section>
  );
}

function OtherLegs({ sessions, thresholds }: { sessions: readonly SessionView[]; thresholds: Thresholds }) {
  const styles = useStyles();
  const { host } = useServices();
  const [selected, setSelected] = useState<string | null>(null);
  const chosen = sessions.find((s) => s.id === selected) ?? null;
  return (
    <section aria-labelledby="other-legs-title">
      <h2 id="other-legs-title">Everyone else's legs ({sessions.length})</h2>
      <p>Choose a leg to see its segments and streams.</p>
      <VirtualList
        items={sessions}
        rowHeight={ROW_HEIGHT}
        height={ROW_HEIGHT * 8}
        label="Other participants' legs"
        render={(s) => (
          <Button appearance="subtle" className={styles.row} aria-pressed={s.id === selected} onClick={() => setSelected(s.id === selected ? null : s.id)} data-leg={s.id}>
            <ClassTag cls={s.cls} /> {s.caller.label} ↔ {s.callee.label} · {timeRange(s.start, s.end, host.context.locale)}
          </Button>
        )}
      />
      {chosen && <SessionPanel session={chosen} thresholds={thresholds} locale={host.context.locale} />}
    </section>
  );
}
