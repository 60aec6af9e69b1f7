// Every page rendered in the real shell (Fluent provider, routing, session) over a fake API.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { App } from '../app/App.js';
import type { ChannelTabSettings, Host } from '../host/host.js';
import { causeLabel, sideLabel, VERDICTS } from '../model/wording.js';
import { demoToken, fakeApi, fakeServices } from '../testing/fakeServices.js';
import { callsPage, CAROL, meetingDetail, myQuality, teamShown, teamWithheld } from '../testing/fixtures.js';

function open(hash: string, routes: Record<string, unknown>, context = {}) {
  window.location.hash = hash;
  const api = fakeApi(routes);
  const made = fakeServices(api, context);
  made.storage.setItem('call-doctor.demo-token', demoToken({ oid: CAROL.id, name: CAROL.name }));
  const view = render(<App services={made.services} setTheme={(t) => made.host.setTheme(t)} />);
  return { api, ...made, view };
}

afterEach(() => {
  window.location.hash = '';
});

describe('My calls', () => {
  it('lists calls with verdict, who, how long and media, and filters poor-or-dropped through the API', async () => {
    const { api } = open('#/calls', { '/api/calls': callsPage(['c1', 'c2']), '/api/calls?verdict=poor': callsPage(['c1']) });
    const list = await screen.findByRole('list', { name: 'Calls' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getByText(VERDICTS.poor.label)).toBeTruthy();
    expect(within(list).getByRole('link', { name: '1:1 call with Alice Park' }).getAttribute('href')).toBe('#/calls/c1');
    expect(within(list).getByRole('link', { name: 'Meeting with Alice Park, Bob Lee and 2 others' })).toBeTruthy();
    expect(list.textContent).toContain('30 min 0 s');
    expect(list.textContent).toContain('Audio, Video');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Poor or dropped only' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(api.requests).toContain('GET /api/calls?verdict=poor');
  });

  it('loads the next page and appends it', async () => {
    open('#/calls', { '/api/calls': callsPage(['a', 'b'], '/api/calls?cursor=2'), '/api/calls?cursor=2': callsPage(['c', 'd']) });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more calls' }));
    await waitFor(() => expect(screen.getAllByRole('link', { name: /with/ })).toHaveLength(4));
  });

  it('offers the sign-in page when the API says 401', async () => {
    open('#/calls', { '/api/calls': new ApiError(401, 'token expired') });
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeTruthy();
  });
});

describe('Call detail', () => {
  it("shows the verdict and causes in the bot's words, the user's own legs first with classed values, and other legs windowed", async () => {
    const detail = meetingDetail(75);
    open(`#/calls/${detail.id}`, { [`/api/calls/${detail.id}`]: detail });
    await screen.findByRole('heading', { level: 1, name: /Meeting/ });
    expect(screen.getByText(VERDICTS.dropped.label)).toBeTruthy();
    expect(screen.getByText(causeLabel('packet-loss'))).toBeTruthy();
    expect(screen.getByText(`(${sideLabel('you')})`)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Notes' })).getByText(detail.diagnosis.notes[0]!.text)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your legs (2)' })).toBeTruthy();
    const legs = document.querySelectorAll('article[data-mine="true"]');
    expect(legs).toHaveLength(2);
    const poorLeg = legs[0]!;
    expect(poorLeg.textContent).toContain('Failed during midcall: network');
    const jitter = poorLeg.querySelector('tr[data-sender-me="true"] [data-field="averageJitter"]')!;
    expect(jitter.getAttribute('data-class')).toBe('poor');
    expect(jitter.textContent).toBe('45 ms✕, poor');
    const loss = poorLeg.querySelector('tr[data-sender-me="true"] [data-field="averagePacketLossRate"]')!;
    expect(loss.textContent).toContain('13%');
    // 73 other legs, but only a window of them is in the DOM.
    const others = screen.getByRole('list', { name: "Other participants' legs" });
    const rows = within(others).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('73');
    // Impacting / impacted: the user sent the one poor stream.
    expect(document.querySelector('tr[data-participant="You"]')!.textContent).toBe('You10');
  });

  it('opens another leg on demand', async () => {
    const detail = meetingDetail(10);
    open(`#/calls/${detail.id}`, { [`/api/calls/${detail.id}`]: detail });
    const others = await screen.findByRole('list', { name: "Other participants' legs" });
    fireEvent.click(within(others).getAllByRole('button')[0]!);
    await waitFor(() => expect(document.querySelectorAll('article[data-mine="false"]')).toHaveLength(1));
  });

  it('answers an unknown call as not found', async () => {
    open('#/calls/nope', {});
    expect(await screen.findByText('This call not found')).toBeTruthy();
  });
});

describe('My quality', () => {
  it('shows the rates by dimension, worst bucket marked in text, and the recurring cause with advice', async () => {
    open('#/quality', { '/api/me/quality': myQuality });
    expect(await screen.findByText(myQuality.quality.headline)).toBeTruthy();
    expect(screen.getByText(/7 of your 9 poor calls were on 2.4 GHz Wi-Fi/).textContent).toContain('Switch to 5 GHz');
    const bands = screen.getByRole('table', { name: 'By Wi-Fi band' });
    const rows = within(bands).getAllByRole('row');
    expect(rows[1]!.textContent).toBe('2.4 GHz Wi-Fi (worst)97 (78%)2 (22%)');
    expect(screen.getByText(/20 calls, 9 poor \(45%\), 2 dropped \(10%\)/)).toBeTruthy();
  });
});

describe('Team view', () => {
  it('shows aggregates against the targets and no individual', async () => {
    open('#/team?group=team-1&days=30', { '/api/teams/team-1/quality?days=30': teamShown });
    const targets = await screen.findByRole('table', { name: "Compared with Microsoft's targets" });
    expect(within(targets).getByRole('row', { name: /Poor audio streams/ }).textContent).toContain("misses Microsoft's target");
    expect(within(targets).getByRole('row', { name: /Setup failures/ }).textContent).toContain("meets Microsoft's target");
    expect(document.body.textContent).not.toContain(CAROL.name);
    expect(document.body.textContent).toContain('10.1.2.0/24');
  });

  it('withholds a team of fewer than 5 with the reason', async () => {
    open('#/team?group=team-2', { '/api/teams/team-2/quality?days=30': teamWithheld });
    expect(await screen.findByText(/only over 5 or more, so no one can be singled out/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('Sign-in and themes', () => {
  it('lists the demo users and signs in as the chosen one', async () => {
    window.location.hash = '#/signin';
    const api = fakeApi({
      '/api/demo/users': { users: [{ id: 'u1', displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com', demoUser: true, helpdesk: false }] },
      'POST /api/demo/token': (body: unknown) => ({ token: demoToken({ oid: (body as { user: string }).user, name: 'Megan Bowen' }), expiresIn: 3600 }),
      '/api/calls': callsPage([]),
    });
    const { services, host } = fakeServices(api);
    render(<App services={services} setTheme={(t) => host.setTheme(t)} />);
    fireEvent.click(await screen.findByRole('button', { name: /Megan Bowen/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/calls'));
    expect(services.session.identity()).toMatchObject({ userId: 'u1', name: 'Megan Bowen' });
    expect(api.requests).toContain('POST /api/demo/token');
  });

  it('follows theme changes live', async () => {
    const { host, view } = open('#/calls', { '/api/calls': callsPage([]) });
    const provider = () => view.container.querySelector('[data-theme]')!;
    expect(provider().getAttribute('data-theme')).toBe('light');
    act(() => host.setTheme('dark'));
    expect(provider().getAttribute('data-theme')).toBe('dark');
    fireEvent.click(screen.getByRole('radio', { name: 'High contrast' }));
    expect(provider().getAttribute('data-theme')).toBe('contrast');
  });
});

describe('Channel tab configuration', () => {
  it('enables Save and saves the chosen period into the content URL', async () => {
    window.location.hash = '#/config';
    const saved: { valid: boolean[]; settings: (() => ChannelTabSettings) | null } = { valid: [], settings: null };
    const { services } = fakeServices(fakeApi({}));
    const host: Host = {
      ...services.host,
      config: { setValid: (v) => saved.valid.push(v), onSave: (s) => (saved.settings = s) },
    };
    render(<App services={{ ...services, host }} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Last 7 days' }));
    await waitFor(() => expect(saved.settings?.().contentUrl).toBe('https://tab.example/tab/#/team?days=7'));
    expect(saved.valid).toContain(true);
  });
});
