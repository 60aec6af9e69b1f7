// My quality (#/quality): where and how the user's own calls go bad over 30 days, and the
// recurring cause with what to do, in the same numbers the bot answers "why are my calls always bad?" with.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { API_ROUTES, type MyQualityResponse } from '../api/types.js';
import { useApi } from '../app/useApi.js';
import { RateTable } from '../components/RateTable.js';
import { Failure, Loading } from '../components/Status.js';
import { DIMENSIONS, rate } from '../model/qualityView.js';
import { causeLabel } from '../model/wording.js';

const useStyles = makeStyles({
  grid: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL },
  box: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
});

export function MyQualityPage() {
  const styles = useStyles();
  const result = useApi<MyQualityResponse>(API_ROUTES.myQuality);
  if (result.state === 'loading') return <Loading label="Looking at your calls" />;
  if (result.state === 'error') return <Failure result={result} what="your call quality" />;
  const { quality, days, truncated } = result.data;
  return (
    <section aria-labelledby="quality-title">
      <h1 id="quality-title">My quality</h1>
      <Text as="p" size={400}>
        {quality.headline}
      </Text>
      <Text as="p">
        Last {days} days: {quality.calls} calls, {quality.poor} poor ({rate(quality.poorRate)}), {quality.dropped} dropped ({rate(quality.droppedRate)}).
        {truncated && ' Only your most recent calls could be looked at.'}
      </Text>
      {quality.recurring && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Recurring: {causeLabel(quality.recurring.code)}</MessageBarTitle> {quality.recurring.sentence} {quality.recurring.advice}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        {DIMENSIONS.map(({ key, title }) => (
          <div key={key} className={styles.box}>
            <RateTable dimension={key} rows={quality.by[key] ?? []} caption={title} />
            {(quality.by[key] ?? []).length === 0 && (
              <p>
                {title}: no data.
              </p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
