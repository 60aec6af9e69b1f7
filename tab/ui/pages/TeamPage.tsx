// The channel tab's team view (#/team): aggregates only over the team's members; under 5 people
// it is withheld with the reason. No individual's call, name or number is ever shown here.
import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { API_ROUTES, type TeamQualityResponse, type TeamQualityShown } from '../api/types.js';
import { useServices } from '../app/context.js';
import { useApi } from '../app/useApi.js';
import { RateTable } from '../components/RateTable.js';
import { Failure, Loading } from '../components/Status.js';
import { rate, targetViews } from '../model/qualityView.js';
import { causeLabel } from '../model/wording.js';

const useStyles = makeStyles({
  grid: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL },
  box: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  miss: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

export function TeamPage({ params }: { params: URLSearchParams }) {
  const { host } = useServices();
  // In Teams the team comes from the context; outside Teams (demo, tests) from #/team?group=.
  const groupId = host.context.groupId ?? params.get('group');
  const days = params.get('days') ?? '30';
  const result = useApi<TeamQualityResponse>(groupId ? `${API_ROUTES.teamQuality(groupId)}?days=${encodeURIComponent(days)}` : null);
  if (!groupId)
    return (
      <Text as="p" role="status">
        Open this page as a channel tab in a team to see the team's call quality.
      </Text>
    );
  if (result.state === 'loading') return <Loading label="Loading the team's call quality" />;
  if (result.state === 'error') return <Failure result={result} what="the team's call quality" />;
  const { quality } = result.data;
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">
        {host.context.teamName ? `${host.context.teamName}: ` : ''}call quality, last {result.data.days} days
      </h1>
      {quality.withheld ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{quality.reason}</MessageBarBody>
        </MessageBar>
      ) : (
        <TeamAggregates team={quality} />
      )}
    </section>
  );
}

function TeamAggregates({ team }: { team: TeamQualityShown }) {
  const styles = useStyles();
  return (
    <>
      <Text as="p">
        Aggregates over {team.people} people and {team.calls} calls: {rate(team.poorRate)} of calls were poor. No one's individual call is shown.
      </Text>
      <div className={styles.grid}>
        <div className={styles.box}>
          <table style={{ borderCollapse: 'collapse' }}>
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>Compared with Microsoft's targets</caption>
            <thead>
              <tr>
                {['Measure', 'This team', 'Target', 'Result'].map((h) => (
                  <th key={h} className={styles.cell} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {targetViews(team).map((t) => (
                <tr key={t.label} data-meets={t.meets}>
                  <th className={styles.cell} scope="row">
                    {t.label}
                  </th>
                  <td className={styles.cell}>{t.value}</td>
                  <td className={styles.cell}>{t.target}</td>
                  <td className={t.meets ? styles.cell : `${styles.cell} ${styles.miss}`}>{t.verdict}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {team.topCauses.length > 0 && (
          <div className={styles.box}>
            <h2>Top causes</h2>
            <ol>
              {team.topCauses.map((c) => (
                <li key={c.code}>
                  {causeLabel(c.code)}: {c.calls} calls ({rate(c.share)} of poor calls)
                </li>
              ))}
            </ol>
          </div>
        )}
        <div className={styles.box}>
          <RateTable dimension="connectionType" rows={team.connectionTypes} caption="Worst connection types" />
        </div>
        <div className={styles.box}>
          <RateTable dimension="wifiBand" rows={team.wifiBands} caption="Wi-Fi bands" />
        </div>
        <div className={styles.box}>
          <RateTable dimension="subnet" rows={team.subnets} caption="Subnets (masked)" />
        </div>
        {team.overTime.length > 0 && (
          <div className={styles.box}>
            <table style={{ borderCollapse: 'collapse' }}>
              <caption style={{ textAlign: 'left', fontWeight: 600 }}>Over time</caption>
              <thead>
                <tr>
                  {['Period from', 'Calls', 'Poor', 'Dropped'].map((h) => (
                    <th key={h} className={styles.cell} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {team.overTime.map((row) => (
                  <tr key={row.start}>
                    <th className={styles.cell} scope="row">
                      {row.start.slice(0, 10)}
                    </th>
                    <td className={styles.cell}>{row.calls}</td>
                    <td className={styles.cell}>{rate(row.poorRate)}</td>
                    <td className={styles.cell}>{rate(row.droppedRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
