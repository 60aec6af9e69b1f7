// The shell: Fluent provider with the host's theme (live), navigation, and the routed page.
import { FluentProvider, Link, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ThemeName } from '../host/host.js';
import { CallDetailPage } from '../pages/CallDetailPage.js';
import { ConfigPage } from '../pages/ConfigPage.js';
import { MyCallsPage } from '../pages/MyCallsPage.js';
import { MyQualityPage } from '../pages/MyQualityPage.js';
import { HelpdeskPhonePage } from '../pages/HelpdeskPhonePage.js';
import { PhonePage } from '../pages/PhonePage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { TeamPage } from '../pages/TeamPage.js';
import { ServicesContext, type TabServices } from './context.js';
import { parseHash, type Location } from './routes.js';
import { THEMES } from './themes.js';
import { ADMIN_ROLE, HELPDESK_ROLE } from '../api/types.js';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1, boxSizing: 'border-box' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  who: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '1200px', margin: '0 auto' },
  themes: { display: 'flex' },
});

export interface AppProps {
  readonly services: TabServices;
  /** Outside Teams: lets the user (and tests) switch theme; Teams drives it otherwise. */
  readonly setTheme?: (theme: ThemeName) => void;
}

export function App({ services, setTheme }: AppProps) {
  const styles = useStyles();
  const [theme, setThemeState] = useState<ThemeName>(services.host.context.theme);
  const [location, setLocation] = useState<Location>(() => parseHash(window.location.hash));
  useEffect(() => services.host.onThemeChange(setThemeState), [services.host]);
  useEffect(() => {
    const onHash = () => setLocation(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = services.host.context.locale || 'en';
  }, [services.host]);
  const identity = services.session.identity();
  const helpdesk = identity?.roles.some((r) => r === HELPDESK_ROLE || r === ADMIN_ROLE) ?? false;
  const page = location.route.page;
  const channel = page === 'team' || page === 'config';
  const nav = useMemo(
    () =>
      channel
        ? [
            { href: '#/team', label: 'Team quality', active: page === 'team' },
            { href: '#/config', label: 'Settings', active: page === 'config' },
          ]
        : [
            { href: '#/calls', label: 'My calls', active: page === 'calls' || page === 'call' },
            { href: '#/quality', label: 'My quality', active: page === 'quality' },
            { href: '#/phone', label: 'Phone', active: page === 'phone' },
            ...(helpdesk ? [{ href: '#/helpdesk/phone', label: 'Phone helpdesk', active: page === 'helpdeskPhone' }] : []),
          ],
    [channel, page, helpdesk],
  );
  return (
    <ServicesContext.Provider value={services}>
      <FluentProvider theme={THEMES[theme]} className={styles.page} data-theme={theme}>
        <header className={styles.header}>
          <nav aria-label="Call Doctor" className={styles.nav}>
            {nav.map((item) => (
              <Link key={item.href} href={item.href} aria-current={item.active ? 'page' : undefined} className={item.active ? styles.current : undefined}>
                {item.label}
              </Link>
            ))}
          </nav>
          {setTheme && (
            <RadioGroup
              layout="horizontal"
              aria-label="Theme"
              className={styles.themes}
              value={theme}
              onChange={(_e, data) => {
                setTheme(data.value as ThemeName);
              }}
            >
              <Radio value="light" label="Light" />
              <Radio value="dark" label="Dark" />
              <Radio value="contrast" label="High contrast" />
            </RadioGroup>
          )}
          {identity?.name && !channel && (
            <span className={styles.who}>
              Signed in as {identity.name}
              {!services.session.inTeams && (
                <>
                  {' · '}
                  <Link href="#/signin">switch user</Link>
                </>
              )}
            </span>
          )}
        </header>
        <main className={styles.main}>
          <RoutedPage location={location} />
        </main>
      </FluentProvider>
    </ServicesContext.Provider>
  );
}

function RoutedPage({ location }: { location: Location }) {
  const { route, params } = location;
  switch (route.page) {
    case 'calls':
      return <MyCallsPage />;
    case 'call':
      return <CallDetailPage key={route.id} id={route.id} />;
    case 'quality':
      return <MyQualityPage />;
    case 'phone':
      return <PhonePage />;
    case 'helpdeskPhone':
      return <HelpdeskPhonePage params={params} />;
    case 'config':
      return <ConfigPage />;
    case 'team':
      return <TeamPage params={params} />;
    case 'signin':
      return <SignInPage />;
  }
}
