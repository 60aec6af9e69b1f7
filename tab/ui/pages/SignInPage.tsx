// Demo-mode sign-in (#/signin): the emulator's users, one button each; the server answers 404 here
// in production, and Teams users never see this page (SSO signs them in).
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { API_ROUTES, type DemoUser, type DemoUsersResponse } from '../api/types.js';
import { useServices } from '../app/context.js';
import { useApi } from '../app/useApi.js';
import { Loading } from '../components/Status.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16em, 1fr))', gap: tokens.spacingHorizontalS },
  user: { width: '100%', justifyContent: 'flex-start', flexDirection: 'column', alignItems: 'flex-start' },
  upn: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

export function SignInPage() {
  const styles = useStyles();
  const { session } = useServices();
  const result = useApi<DemoUsersResponse>(session.inTeams ? null : API_ROUTES.demoUsers);
  const [error, setError] = useState<string | null>(null);
  if (session.inTeams) return <Text as="p">In Teams you are signed in with your Teams account.</Text>;
  const signIn = (user: DemoUser) => {
    setError(null);
    session.signInAs(user.id).then(
      () => {
        window.location.hash = '#/calls';
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in (demo mode)</h1>
      <Text as="p">Demo mode runs against the Graph emulator: choose whose calls to see. In Teams, single sign-on does this for you.</Text>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>Could not sign in: {error}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'loading' && <Loading label="Loading the demo users" />}
      {result.state === 'error' && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{result.status === 404 ? 'Demo sign-in is available in demo mode only; open this tab in Microsoft Teams.' : `Could not load the demo users: ${result.message}`}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'ok' && (
        <ul className={styles.list} aria-label="Demo users">
          {result.data.users.map((user) => (
            <li key={user.id}>
              <Button className={styles.user} onClick={() => signIn(user)} data-user={user.id}>
                <span>
                  {user.displayName}
                  {user.demoUser ? ' (the demo story)' : ''}
                  {user.helpdesk ? ' (helpdesk)' : ''}
                </span>
                <span className={styles.upn}>{user.userPrincipalName}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
