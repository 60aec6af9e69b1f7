// Loading and error states every page shares; a 401 outside Teams offers the demo sign-in.
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Loaded } from '../app/useApi.js';

export function Loading({ label }: { label: string }) {
  return <Spinner label={label} labelPosition="after" />;
}

export function Failure({ result, what }: { result: Extract<Loaded<unknown>, { state: 'error' }>; what: string }) {
  const unauthorized = result.status === 401;
  return (
    <MessageBar intent={unauthorized ? 'warning' : 'error'} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{unauthorized ? 'Please sign in' : result.status === 404 ? `${what} not found` : `Could not load ${what}`}</MessageBarTitle>
        {unauthorized ? (
          <>
            {' '}
            Your session is missing or has expired. <Link href="#/signin">Sign in</Link>
          </>
        ) : (
          ` ${result.message}`
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
