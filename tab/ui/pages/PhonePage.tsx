// Phone (#/phone): the user's own Teams Phone and Direct Routing calls and texts; each call opens
// into the explanation the bot gives for it (diagnosis/phone, through the API).
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { API_ROUTES, type MyPhoneResponse } from '../api/types.js';
import { useApi } from '../app/useApi.js';
import { CsvButton } from '../components/CsvButton.js';
import { Failure, Loading } from '../components/Status.js';
import { callHeadline, OUTCOME_WORDS, SMS_ICONS } from '../model/phoneView.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
});

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }) : 'Unknown time');

export function PhonePage() {
  const styles = useStyles();
  const [days, setDays] = useState<7 | 30>(7);
  const result = useApi<MyPhoneResponse>(API_ROUTES.myPhone(days));
  return (
    <section aria-labelledby="phone-title">
      <h1 id="phone-title">Phone</h1>
      <div className={styles.bar}>
        <RadioGroup layout="horizontal" aria-label="Period" value={String(days)} onChange={(_e, d) => setDays(d.value === '30' ? 30 : 7)}>
          <Radio value="7" label="Last 7 days" />
          <Radio value="30" label="Last 30 days" />
        </RadioGroup>
      </div>
      {result.state === 'loading' && <Loading label="Reading your phone calls" />}
      {result.state === 'error' && <Failure result={result} what="your phone calls" />}
      {result.state === 'ok' && <PhoneLists view={result.data} styles={styles} />}
    </section>
  );
}

function PhoneLists({ view, styles }: { view: MyPhoneResponse; styles: ReturnType<typeof useStyles> }) {
  return (
    <>
      {view.unavailable.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>Some reports could not be read just now ({view.unavailable.join(', ')}); the rest is shown.</MessageBarBody>
        </MessageBar>
      )}
      <h2 className={styles.bar}>
        Phone calls ({view.calls.length}) <CsvButton path={API_ROUTES.myPhone(view.days, 'calls')} fileName={`phone-calls-${view.days}d.csv`} />
      </h2>
      {view.calls.length === 0 ? (
        <Text as="p">No phone calls in the last {view.days} days. Calls between Teams users are under My calls.</Text>
      ) : (
        <Accordion collapsible multiple aria-label="Phone calls">
          {view.calls.map((c, i) => (
            <AccordionItem key={c.id ?? i} value={c.id ?? String(i)} className={styles.item} data-phone-call={c.id ?? ''}>
              <AccordionHeader>
                {OUTCOME_WORDS[c.outcome].icon} {when(c.start)} · {callHeadline(c)} · {OUTCOME_WORDS[c.outcome].label}
              </AccordionHeader>
              <AccordionPanel>
                <Text as="p">{c.summary}</Text>
                {c.advice && <Text as="p">What to do: {c.advice}</Text>}
                <dl className={styles.facts}>
                  {c.details.map((d) => (
                    <div key={d.label} style={{ display: 'contents' }}>
                      <dt className={styles.meta}>{d.label}</dt>
                      <dd style={{ margin: 0 }}>{d.value}</dd>
                    </div>
                  ))}
                </dl>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      <h2 className={styles.bar}>
        Texts ({view.sms.length}) <CsvButton path={API_ROUTES.myPhone(view.days, 'sms')} fileName={`texts-${view.days}d.csv`} />
      </h2>
      {view.sms.length === 0 ? (
        <Text as="p">No texts in the last {view.days} days.</Text>
      ) : (
        <ul className={styles.list} aria-label="Texts">
          {view.sms.map((s, i) => (
            <li key={s.id ?? i} className={styles.item}>
              <Text weight="semibold">
                {SMS_ICONS[s.status]} {s.statusLabel}
              </Text>{' '}
              <span className={styles.meta}>{when(s.sent)}</span>
              <Text as="p">{s.summary}</Text>
              {s.advice && <Text as="p">What to do: {s.advice}</Text>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
