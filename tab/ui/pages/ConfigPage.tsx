// Channel tab configuration (#/config): choose the period; Save (Teams' button) stores it in the
// tab's contentUrl through pages.config.setConfig.
import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useServices } from '../app/context.js';
import type { ChannelTabSettings } from '../host/host.js';

export const PERIODS = [7, 14, 30] as const;
export type Period = (typeof PERIODS)[number];

export function channelTabSettings(tabUrl: string, days: Period): ChannelTabSettings {
  return { entityId: `team-quality-${days}d`, contentUrl: `${tabUrl}#/team?days=${days}`, suggestedDisplayName: 'Call quality' };
}

const useStyles = makeStyles({ box: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium } });

export function ConfigPage() {
  const styles = useStyles();
  const { host, tabUrl } = useServices();
  const [days, setDays] = useState<Period>(30);
  const config = host.config;
  useEffect(() => {
    if (!config) return;
    config.onSave(() => channelTabSettings(tabUrl, days));
    config.setValid(true);
  }, [config, tabUrl, days]);
  return (
    <section aria-labelledby="config-title" className={styles.box}>
      <h1 id="config-title">Call quality for this team</h1>
      <Text as="p">The tab shows the team's call quality as aggregates only: no one's individual calls, names or numbers. Choose the period it covers.</Text>
      <Field label="Period">
        <RadioGroup value={String(days)} onChange={(_e, data) => setDays(Number(data.value) as Period)}>
          {PERIODS.map((p) => (
            <Radio key={p} value={String(p)} label={`Last ${p} days`} />
          ))}
        </RadioGroup>
      </Field>
      {!config && (
        <Text as="p">
          Outside Teams there is no Save button; the tab would open <code>{channelTabSettings(tabUrl, days).contentUrl}</code>.
        </Text>
      )}
    </section>
  );
}
