// Phone helpdesk (#/helpdesk/phone?from=&to=, role CallDoctor.Helpdesk, every read audited):
// Direct Routing health per trunk, users blocked from calling, texts that did not go out, and
// audio-conferencing dial-out by destination; each list exports as CSV.
import { Button, Field, Input, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { API_ROUTES, type BlockedUsersResponse, type DialoutResponse, type SmsFailuresResponse, type TrunkHealthResponse } from '../api/types.js';
import { useApi } from '../app/useApi.js';
import { CsvButton } from '../components/CsvButton.js';
import { Failure, Loading } from '../components/Status.js';
import { defaultPeriod, percent } from '../model/phoneView.js';

const TrunkCharts = lazy(() => import('../components/TrunkCharts.js'));

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  box: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, marginBottom: tokens.spacingVerticalL, overflowX: 'auto' },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function HelpdeskPhonePage({ params }: { params: URLSearchParams }) {
  const styles = useStyles();
  const initial = defaultPeriod(new Date());
  const [period, setPeriod] = useState({ from: DATE.test(params.get('from') ?? '') ? params.get('from')! : initial.from, to: DATE.test(params.get('to') ?? '') ? params.get('to')! : initial.to });
  const [draft, setDraft] = useState(period);
  return (
    <section aria-labelledby="helpdesk-phone-title">
      <h1 id="helpdesk-phone-title">Phone helpdesk</h1>
      <Text as="p">Every view here is recorded in the helpdesk audit log.</Text>
      <form
        className={styles.bar}
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod(draft);
        }}
      >
        <Field label="From">
          <Input type="date" value={draft.from} onChange={(_e, d) => setDraft({ ...draft, from: d.value })} />
        </Field>
        <Field label="To (not included)">
          <Input type="date" value={draft.to} onChange={(_e, d) => setDraft({ ...draft, to: d.value })} />
        </Field>
        <Button type="submit" appearance="primary">
          Show
        </Button>
      </form>
      <Trunks period={period} box={styles.box} />
      <Blocked period={period} box={styles.box} />
      <SmsFailures period={period} box={styles.box} />
      <Dialout period={period} box={styles.box} />
    </section>
  );
}

type Period = { from: string; to: string };

function Section({ title, csv, file, box, children }: { title: string; csv: string; file: string; box: string; children: ReactNode }) {
  return (
    <div className={box} role="region" aria-label={title}>
      <h2>
        {title} <CsvButton path={csv} fileName={file} />
      </h2>
      {children}
    </div>
  );
}

function Grid({ label, head, rows }: { label: string; head: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  if (rows.length === 0) return <Text as="p">None in this period.</Text>;
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          {head.map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={i}>
            {r.map((c, j) => (
              <TableCell key={j}>{c}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Trunks({ period, box }: { period: Period; box: string }) {
  const result = useApi<TrunkHealthResponse>(API_ROUTES.helpdeskPhone('trunks', period));
  return (
    <Section title="Direct Routing health" csv={API_ROUTES.helpdeskPhone('trunks', period, true)} file={`trunks-${period.from}-${period.to}.csv`} box={box}>
      {result.state === 'loading' && <Loading label="Reading Direct Routing calls" />}
      {result.state === 'error' && <Failure result={result} what="Direct Routing health" />}
      {result.state === 'ok' && (
        <>
          <Grid
            label="Trunks"
            head={['Trunk (SBC)', 'Calls', 'Success rate', 'NER', 'ASR', 'Media bypass', 'Top SIP failures']}
            rows={result.data.trunks.map((t) => [
              t.trunk,
              t.calls,
              percent(t.successRate),
              percent(t.networkEffectivenessRatio),
              percent(t.answerSeizureRatio),
              percent(t.mediaBypassShare),
              t.topFailures.map((f) => `${f.code} ${f.phrase ?? ''} ×${f.calls}`).join(', ') || 'none',
            ])}
          />
          {result.data.trunks.length > 0 && (
            <Suspense fallback={<Spinner label="Loading charts" />}>
              <TrunkCharts trunks={result.data.trunks} />
            </Suspense>
          )}
        </>
      )}
    </Section>
  );
}

function Blocked({ period, box }: { period: Period; box: string }) {
  const result = useApi<BlockedUsersResponse>(API_ROUTES.helpdeskPhone('blocked', period));
  return (
    <Section title="Blocked from calling" csv={API_ROUTES.helpdeskPhone('blocked', period, true)} file={`blocked-${period.from}-${period.to}.csv`} box={box}>
      {result.state === 'loading' && <Loading label="Reading the blocked-users log" />}
      {result.state === 'error' && <Failure result={result} what="blocked users" />}
      {result.state === 'ok' && (
        <Grid label="Blocked users" head={['User', 'Number', 'Blocked since', 'Reason']} rows={result.data.users.map((u) => [u.userDisplayName ?? u.userPrincipalName ?? 'unknown', u.userTelephoneNumber ?? '', u.blockedSince ?? '', u.blockReason ?? ''])} />
      )}
    </Section>
  );
}

function SmsFailures({ period, box }: { period: Period; box: string }) {
  const result = useApi<SmsFailuresResponse>(API_ROUTES.helpdeskPhone('sms-failures', period));
  return (
    <Section title="Texts that did not go out" csv={API_ROUTES.helpdeskPhone('sms-failures', period, true)} file={`sms-failures-${period.from}-${period.to}.csv`} box={box}>
      {result.state === 'loading' && <Loading label="Reading the SMS log" />}
      {result.state === 'error' && <Failure result={result} what="SMS failures" />}
      {result.state === 'ok' && (
        <Grid label="SMS failures" head={['Sent', 'User', 'From', 'To', 'Destination']} rows={result.data.failures.map((f) => [f.sentDateTime ?? '', f.userDisplayName ?? f.userPrincipalName ?? '', f.sourceNumber ?? '', f.destinationNumber ?? '', f.destinationName ?? ''])} />
      )}
    </Section>
  );
}

function Dialout({ period, box }: { period: Period; box: string }) {
  const result = useApi<DialoutResponse>(API_ROUTES.helpdeskPhone('dialout', period));
  return (
    <Section title="Meeting dial-out by destination" csv={API_ROUTES.helpdeskPhone('dialout', period, true)} file={`dialout-${period.from}-${period.to}.csv`} box={box}>
      {result.state === 'loading' && <Loading label="Reading the dial-out report" />}
      {result.state === 'error' && <Failure result={result} what="dial-out usage" />}
      {result.state === 'ok' && (
        <Grid
          label="Dial-out"
          head={['Destination', 'Users', 'Calls', 'Minutes', 'Charge']}
          rows={result.data.destinations.map((d) => [d.destinationContext, d.users, d.calls, d.minutes, `${d.charge.toFixed(2)}${d.currency ? ` ${d.currency}` : ''}`])}
        />
      )}
    </Section>
  );
}
