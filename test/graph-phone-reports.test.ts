// The five report functions through graph/ against the emulator's generated tenant: each comes
// back whole from the version it lives on, a week of the busy trunk pages past 1,000 rows, bad
// ranges are refused before Graph is asked, and partly masked numbers arrive as Graph sent them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhoneNumber } from '../diagnosis/index.js';
import { GraphInputError } from '../graph/index.js';
import { startEmulator, type EmulatorHandle } from './support/emulator.js';
import { clearRequestsSettled, graphOverEmulator, graphRequests } from './support/graphOverEmulator.js';

const DAY_MS = 86_400_000;
type Row = Record<string, unknown>;

describe('phone reports against the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 7, throttle: false });
  });
  afterAll(async () => emulator.close());

  const week = () => ({ from: new Date(emulator.now().getTime() - 7 * DAY_MS), to: emulator.now() });
  const inRange = (iso: unknown, r: { from: Date; to: Date }, exclusive = false): boolean => {
    const t = Date.parse(String(iso));
    return t >= r.from.getTime() && (exclusive ? t < r.to.getTime() : t <= r.to.getTime());
  };

  it('when a week of Direct Routing calls is asked, then more than 1,000 rows come back over several pages, each once', async () => {
    const graph = graphOverEmulator(emulator);
    const range = week();
    await clearRequestsSettled(emulator);
    const rows = await graph.callRecords.directRoutingCalls(range);
    const expected = (emulator.tenant!.directRoutingCalls as Row[]).filter((r) => inRange(r.startDateTime, range, true));
    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const requests = await graphRequests(emulator, 'getDirectRoutingCalls');
    expect(requests.length).toBe(Math.ceil(expected.length / 1000));
    expect(requests.every((r) => r.path.startsWith('/v1.0/'))).toBe(true);
  });

  it('when PSTN and Direct Routing rows come from v1.0, then they carry none of the beta-only properties', async () => {
    const graph = graphOverEmulator(emulator);
    const [pstn, dr] = await Promise.all([graph.callRecords.pstnCalls(week()), graph.callRecords.directRoutingCalls(week())]);
    expect(pstn.length).toBeGreaterThan(0);
    expect(pstn.some((r) => 'clientPublicIpV4Address' in r || 'administrativeUnitInfos' in r)).toBe(false);
    expect(dr.some((r) => 'userCountryCode' in r || 'transferorCorrelationId' in r)).toBe(false);
  });

  it('when the SMS, blocked-user and dial-out reports are asked, then they come from beta with every row in range', async () => {
    const graph = graphOverEmulator(emulator);
    const range = { from: new Date(emulator.now().getTime() - 30 * DAY_MS), to: emulator.now() };
    await clearRequestsSettled(emulator);
    const [sms, blocked, dialout] = await Promise.all([graph.callRecords.smsLog(range), graph.callRecords.blockedUsersLog(range), graph.callRecords.onlineMeetingDialoutReport(range)]);
    const tenant = emulator.tenant!;
    expect(sms.length).toBe((tenant.smsLog as Row[]).filter((r) => inRange(r.sentDateTime, range)).length);
    expect(blocked.length).toBe((tenant.blockedUsers as Row[]).filter((r) => inRange(r.blockDateTime, range)).length);
    expect(dialout.length).toBeGreaterThan(0);
    const paths = (await graphRequests(emulator, 'callRecords/get')).map((r) => r.path);
    expect(paths.filter((p) => /getSmsLog|getPstnBlockedUsersLog|getPstnOnlineMeetingDialoutReport/.test(p)).every((p) => p.startsWith('/beta/'))).toBe(true);
  });

  it('when a range ends before it starts, then graph/ refuses it without asking Graph; a 120-day range is split so Graph never refuses it', async () => {
    const graph = graphOverEmulator(emulator);
    await clearRequestsSettled(emulator);
    await expect(graph.callRecords.smsLog({ from: emulator.now(), to: new Date(emulator.now().getTime() - DAY_MS) })).rejects.toBeInstanceOf(GraphInputError);
    expect(await graphRequests(emulator, 'getSmsLog')).toHaveLength(0);

    const rows = await graph.callRecords.blockedUsersLog({ from: new Date(emulator.now().getTime() - 120 * DAY_MS), to: emulator.now() });
    expect(rows.length).toBe((emulator.tenant!.blockedUsers as Row[]).length);
    expect(await graphRequests(emulator, 'getPstnBlockedUsersLog')).toHaveLength(2);
  });

  it('when a caller\'s number arrives partly masked, then it comes through as Graph sent it and masking it again hides no more than Graph did plus the usual digits', async () => {
    const graph = graphOverEmulator(emulator);
    const rows = await graph.callRecords.directRoutingCalls(week());
    const masked = rows.filter((r) => typeof r.callerNumber === 'string' && r.callerNumber.endsWith('***') && r.callType === 'ByotIn');
    expect(masked.length).toBeGreaterThan(0);
    expect(masked[0]!.callerNumber).toMatch(/^\+44207946\d\*\*\*$/);
    expect(maskPhoneNumber(masked[0]!.callerNumber)).toMatch(/^\+\*{8}\d\*\*\*$/);
  });
});
