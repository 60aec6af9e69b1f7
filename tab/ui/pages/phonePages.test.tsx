// The Phone view and the Phone helpdesk page in the real shell over a fake API.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainDirectRoutingCall, explainSms } from '../../../diagnosis/index.js';
import { ApiError } from '../api/client.js';
import type { MyPhoneResponse, PhoneCallItem, TrunkHealthResponse } from '../api/types.js';
import { App } from '../app/App.js';
import { demoToken, fakeApi, fakeServices } from '../testing/fakeServices.js';
import { CAROL } from '../testing/fixtures.js';

const failedRow = {
  id: 'dr-1', correlationId: 'corr-1', callType: 'ByotOut', calleeNumber: '+14255550187', startDateTime: '2026-11-27T10:00:00Z',
  successfulCall: false, finalSipCode: 503, finalSipCodePhrase: 'Service Unavailable', callEndSubReason: 560503, duration: 0,
  trunkFullyQualifiedDomainName: 'sbc1.contoso.com', mediaBypassEnabled: false,
};
const explained = explainDirectRoutingCall(failedRow);
const call: PhoneCallItem = { id: 'dr-1', route: 'directRouting', start: failedRow.startDateTime, outcome: explained.outcome, direction: explained.direction, otherParty: explained.otherParty, durationSeconds: 0, summary: explained.summary, advice: explained.advice, details: explained.details };
const text = explainSms({ smsId: 's1', smsType: 'sms_out', smsUnits: 0, destinationNumber: '+14255550199' });
const view = (days: number): MyPhoneResponse => ({
  days,
  calls: [call],
  sms: [{ id: 's1', sent: '2026-11-27T11:00:00Z', status: text.status, statusLabel: 'Not sent', direction: 'outbound', otherParty: text.otherParty, summary: text.summary, advice: text.advice }],
  unavailable: [],
});

const trunks: TrunkHealthResponse = {
  from: '2026-11-21',
  to: '2026-11-28',
  trunks: [
    {
      trunk: 'sbc2.contoso.com', calls: 1150, successful: 1058, successRate: 0.92, networkEffectivenessRatio: 0.9513, answerSeizureRatio: 0.92, mediaBypassShare: 1,
      topFailures: [{ code: 503, phrase: 'Service Unavailable', meaning: 'the phone system or the carrier was unavailable or overloaded', calls: 30 }],
      overTime: [{ start: '2026-11-21T00:00:00.000Z', calls: 600, failed: 50 }, { start: '2026-11-22T00:00:00.000Z', calls: 550, failed: 42 }],
    },
  ],
};

function open(hash: string, routes: Record<string, unknown>, roles: string[] = []) {
  window.location.hash = hash;
  const api = fakeApi(routes);
  const made = fakeServices(api);
  made.storage.setItem('call-doctor.demo-token', demoToken({ oid: CAROL.id, name: CAROL.name, roles }));
  render(<App services={made.services} />);
  return api;
}

afterEach(() => {
  window.location.hash = '';
});

describe('Phone', () => {
  it("lists the user's phone calls and texts; a call opens into the bot's explanation with who ended it, the SIP code and the trunk", async () => {
    open('#/phone', { '/api/me/phone?days=7': view(7) });
    const header = await screen.findByRole('button', { name: /Direct Routing call to \+\*{7}0187 · Did not connect/ });
    expect(screen.queryByText(explained.summary)).toBeNull();
    fireEvent.click(header);
    expect(await screen.findByText(explained.summary)).toBeTruthy();
    expect(screen.getByText('SIP final code')).toBeTruthy();
    expect(screen.getByText(/^503 Service Unavailable: /)).toBeTruthy();
    expect(screen.getByText('The phone network or the SBC')).toBeTruthy();
    expect(screen.getByText('sbc1.contoso.com')).toBeTruthy();
    const texts = screen.getByRole('list', { name: 'Texts' });
    expect(within(texts).getByText(/Not sent/)).toBeTruthy();
    expect(within(texts).getByText(text.summary)).toBeTruthy();
  });

  it('asks for 30 days when the period changes, and exports the list as CSV through the API', async () => {
    const api = open('#/phone', { '/api/me/phone?days=7': view(7), '/api/me/phone?days=30': view(30), '/api/me/phone?days=30&format=csv&list=calls': 'start,route\n' });
    await screen.findByRole('button', { name: /Direct Routing call/ });
    fireEvent.click(screen.getByRole('radio', { name: 'Last 30 days' }));
    await waitFor(() => expect(api.requests).toContain('GET /api/me/phone?days=30'));
    const created: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:csv');
    URL.revokeObjectURL = () => undefined;
    try {
      fireEvent.click((await screen.findAllByRole('button', { name: 'Export CSV' }))[0]!);
      await waitFor(() => expect(api.requests).toContain('GET /api/me/phone?days=30&format=csv&list=calls'));
      await waitFor(() => expect(created).toHaveLength(1));
      expect(await created[0]!.text()).toBe('start,route\n');
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  });
});

describe('Phone helpdesk', () => {
  const period = '?from=2026-11-21&to=2026-11-28';
  const routes = {
    [`/api/helpdesk/phone/trunks${period}`]: trunks,
    [`/api/helpdesk/phone/blocked${period}`]: { from: '2026-11-21', to: '2026-11-28', users: [{ userId: 'u', userDisplayName: 'Lee Gu', userPrincipalName: 'lee@contoso.com', userTelephoneNumber: '+12065550100', blockedSince: '2026-11-25T08:00:00Z', blockReason: 'Suspicious international calling' }] },
    [`/api/helpdesk/phone/sms-failures${period}`]: { from: '2026-11-21', to: '2026-11-28', failures: [] },
    [`/api/helpdesk/phone/dialout${period}`]: { from: '2026-11-21', to: '2026-11-28', destinations: [{ destinationContext: 'International', currency: 'USD', users: 2, calls: 3, minutes: 41.5, charge: 4.98 }] },
  };

  it('shows each trunk\'s success rate, NER, ASR, bypass share and top SIP failure, the blocked users and dial-out cost', async () => {
    open(`#/helpdesk/phone${period}`, routes, ['CallDoctor.Helpdesk']);
    const table = await screen.findByRole('table', { name: 'Trunks' });
    const row = within(table).getByText('sbc2.contoso.com').closest('tr')!;
    expect(row.textContent).toContain('1150');
    expect(row.textContent).toContain('92.0%');
    expect(row.textContent).toContain('95.1%');
    expect(row.textContent).toContain('100.0%');
    expect(row.textContent).toContain('503 Service Unavailable ×30');
    expect((await screen.findByRole('table', { name: 'Blocked users' })).textContent).toContain('+12065550100');
    expect((await screen.findByRole('table', { name: 'Dial-out' })).textContent).toContain('4.98 USD');
    expect(within(screen.getByRole('region', { name: 'Texts that did not go out' })).getByText('None in this period.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Phone helpdesk' })).toBeTruthy();
  });

  it('without the helpdesk role the link is not offered, and a 403 from the API is shown as such', async () => {
    open(`#/helpdesk/phone${period}`, Object.fromEntries(Object.keys(routes).map((k) => [k, new ApiError(403, 'This needs the CallDoctor.Helpdesk app role.')])));
    expect((await screen.findAllByText(/This needs the CallDoctor.Helpdesk app role/)).length).toBe(4);
    expect(screen.queryByRole('link', { name: 'Phone helpdesk' })).toBeNull();
  });
});
