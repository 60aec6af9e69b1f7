import { describe, expect, it } from 'vitest';
import { createLinks } from './links.js';

const appId = '00000000-0000-0000-0000-0000000ca11d';

describe('createLinks', () => {
  it('when in production, then "Show segments" opens the personal tab in Teams at that call', () => {
    const links = createLinks({ mode: 'production', teamsAppId: appId, publicUrl: 'https://cd.contoso.com' });
    const url = new URL(links.callDetails('e523d2ed-2966-4b6b-925b-754a88034cc5'));
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${appId}/calls`);
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'calls/e523d2ed-2966-4b6b-925b-754a88034cc5' });
    expect(url.searchParams.get('webUrl')).toBe('https://cd.contoso.com/tab/#/calls/e523d2ed-2966-4b6b-925b-754a88034cc5');
  });

  it('when in demo mode, then links open the tab on this server because there is no Teams client', () => {
    const links = createLinks({ mode: 'demo', teamsAppId: appId, publicUrl: 'http://localhost:3978' });
    expect(links.callDetails('c1')).toBe('http://localhost:3978/tab/#/calls/c1');
    expect(links.recentCalls()).toBe('http://localhost:3978/tab/#/calls');
  });

  it('when a call id has URL-special characters, then it cannot break out of the link', () => {
    const links = createLinks({ mode: 'demo', teamsAppId: appId, publicUrl: 'http://localhost:3978' });
    expect(links.callDetails('a/../b?x=1')).toBe('http://localhost:3978/tab/#/calls/a%2F..%2Fb%3Fx%3D1');
  });
});
