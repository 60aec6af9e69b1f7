// One behavioural suite for every implementation of bot/ports.ts (style-anchors 6): SQLite now,
// the bot's in-memory stores, and Azure Tables when STORE=azure lands. Register an
// implementation with describeBotPortsContract('name', factory) from a *.test.ts file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertPreferenceStore, ChannelDigestStore, ChannelDigestSubscription, ConversationReferenceStore, FeedbackStore, PendingDiagnosisStore, UserKey } from '../../../bot/index.js';
import { DEFAULT_ALERT_SETTINGS } from '../../../bot/index.js';

export interface BotPortsUnderTest {
  readonly conversations: ConversationReferenceStore;
  readonly alertPreferences: AlertPreferenceStore;
  readonly feedback: FeedbackStore;
  readonly pending: PendingDiagnosisStore;
  readonly digests: ChannelDigestStore;
  /** Releases files, connections, etc. */
  dispose(): Promise<void> | void;
}

const alice: UserKey = { tenantId: 'tenant-a', userId: 'user-1' };
// Same object id in another tenant: must be a different person to every store.
const aliceTwin: UserKey = { tenantId: 'tenant-b', userId: 'user-1' };
const bob: UserKey = { tenantId: 'tenant-a', userId: 'user-2' };

const reference = {
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
  channelId: 'msteams',
  conversation: { id: 'a:1personal', conversationType: 'personal', tenantId: 'tenant-a', isGroup: false, name: '' },
  bot: { id: '28:bot', name: 'Call Doctor' },
  user: { id: '29:alice', name: 'Alice', aadObjectId: 'user-1' },
};

export function describeBotPortsContract(name: string, create: () => Promise<BotPortsUnderTest> | BotPortsUnderTest): void {
  describe(`bot ports contract: ${name}`, () => {
    let stores: BotPortsUnderTest;
    beforeEach(async () => {
      stores = await create();
    });
    afterEach(async () => {
      await stores.dispose();
    });

    describe('conversation references', () => {
      it('when a reference is saved, then get returns it for that user only', async () => {
        await stores.conversations.save(alice, reference);
        expect(await stores.conversations.get(alice)).toEqual(reference);
        expect(await stores.conversations.get(aliceTwin)).toBeUndefined();
        expect(await stores.conversations.get(bob)).toBeUndefined();
      });

      it('when a user reinstalls, then the newer reference replaces the old one', async () => {
        await stores.conversations.save(alice, reference);
        const moved = { ...reference, serviceUrl: 'https://smba.trafficmanager.net/emea/' };
        await stores.conversations.save(alice, moved);
        expect(await stores.conversations.get(alice)).toEqual(moved);
      });

      it('when a reference is removed, then get returns nothing and removing again is harmless', async () => {
        await stores.conversations.save(alice, reference);
        await stores.conversations.remove(alice);
        expect(await stores.conversations.get(alice)).toBeUndefined();
        await expect(stores.conversations.remove(alice)).resolves.toBeUndefined();
      });
    });

    describe('alert preferences', () => {
      it('when a user never chose, then alerts are on for every poor call', async () => {
        expect(await stores.alertPreferences.get(alice)).toBe('all');
      });

      it('when a user turns alerts off, then only that user in that tenant is affected', async () => {
        await stores.alertPreferences.set(alice, 'off');
        expect(await stores.alertPreferences.get(alice)).toBe('off');
        expect(await stores.alertPreferences.get(aliceTwin)).toBe('all');
        expect(await stores.alertPreferences.get(bob)).toBe('all');
      });

      it('when a user changes their mind, then the last choice wins', async () => {
        await stores.alertPreferences.set(alice, 'off');
        await stores.alertPreferences.set(alice, 'drops');
        expect(await stores.alertPreferences.get(alice)).toBe('drops');
      });

      it('when a user never set any rule, then there are no quiet hours, UTC and at most 3 alerts a day', async () => {
        expect(await stores.alertPreferences.getSettings(alice)).toEqual({ mode: 'all', quietHours: null, timeZone: 'UTC', dailyCap: 3 });
        expect(DEFAULT_ALERT_SETTINGS.dailyCap).toBe(3);
      });

      it('when quiet hours, zone and cap are set one by one, then each change keeps the others, the mode included', async () => {
        await stores.alertPreferences.set(alice, 'drops');
        await stores.alertPreferences.update(alice, { quietHours: { start: '18:00', end: '08:00' }, timeZone: 'Europe/Berlin' });
        await stores.alertPreferences.update(alice, { dailyCap: 2 });
        expect(await stores.alertPreferences.getSettings(alice)).toEqual({ mode: 'drops', quietHours: { start: '18:00', end: '08:00' }, timeZone: 'Europe/Berlin', dailyCap: 2 });
        await stores.alertPreferences.set(alice, 'all');
        expect((await stores.alertPreferences.getSettings(alice)).quietHours).toEqual({ start: '18:00', end: '08:00' });
        expect(await stores.alertPreferences.getSettings(bob)).toEqual(DEFAULT_ALERT_SETTINGS);
      });

      it('when quiet hours are removed, then none are stored and the cap stays', async () => {
        await stores.alertPreferences.update(alice, { quietHours: { start: '22:00', end: '07:00' }, dailyCap: 5 });
        await stores.alertPreferences.update(alice, { quietHours: null });
        expect(await stores.alertPreferences.getSettings(alice)).toMatchObject({ quietHours: null, dailyCap: 5 });
      });

      it('when a rule is malformed, then it is refused naming the field and nothing changes', async () => {
        await stores.alertPreferences.update(alice, { dailyCap: 4 });
        await expect(stores.alertPreferences.update(alice, { quietHours: { start: '25:00', end: '08:00' } })).rejects.toThrow(/start/);
        await expect(stores.alertPreferences.update(alice, { dailyCap: 0 })).rejects.toThrow(/Daily cap/);
        await expect(stores.alertPreferences.update(alice, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
        expect(await stores.alertPreferences.getSettings(alice)).toMatchObject({ quietHours: null, dailyCap: 4, timeZone: 'UTC' });
      });
    });

    describe('forget my data', () => {
      const at = new Date('2026-11-29T10:00:00Z');
      it('when a user is forgotten, then every bot store removes only their items and says how many', async () => {
        for (const user of [alice, aliceTwin, bob]) {
          await stores.conversations.save(user, reference);
          await stores.alertPreferences.update(user, { mode: 'drops', dailyCap: 2 });
          await stores.feedback.record({ user, callId: 'call-1', helpful: true, causeCode: null, at });
          await stores.pending.add({ user, requestedAt: at, expiresAt: new Date(at.getTime() + 3_600_000) });
        }
        await stores.feedback.record({ user: alice, callId: 'call-2', helpful: false, causeCode: 'vpn', at });
        await stores.pending.add({ user: alice, requestedAt: new Date(at.getTime() + 60_000), expiresAt: new Date(at.getTime() + 3_600_000) });

        expect(await stores.conversations.forgetUser(alice)).toBe(1);
        expect(await stores.alertPreferences.forgetUser(alice)).toBe(1);
        expect(await stores.feedback.forgetUser(alice)).toBe(2);
        expect(await stores.pending.forgetUser(alice)).toBe(2);

        expect(await stores.conversations.get(alice)).toBeUndefined();
        expect(await stores.alertPreferences.getSettings(alice)).toEqual(DEFAULT_ALERT_SETTINGS);
        expect(await stores.pending.take(alice, at)).toEqual([]);
        for (const user of [aliceTwin, bob]) {
          expect(await stores.conversations.get(user)).toEqual(reference);
          expect(await stores.alertPreferences.get(user)).toBe('drops');
          expect(await stores.pending.take(user, at)).toHaveLength(1);
        }
        // Feedback has no read port besides the tally; forgetting again finds nothing, and Bob's vote is still there to forget.
        expect(await stores.feedback.forgetUser(alice)).toBe(0);
        expect(await stores.feedback.forgetUser(bob)).toBe(1);
      });

      it('when a user with nothing stored is forgotten, then every store answers 0', async () => {
        expect(await stores.conversations.forgetUser(alice)).toBe(0);
        expect(await stores.alertPreferences.forgetUser(alice)).toBe(0);
        expect(await stores.feedback.forgetUser(alice)).toBe(0);
        expect(await stores.pending.forgetUser(alice)).toBe(0);
      });
    });

    describe('channel digests', () => {
      const channel = (channelId: string, tenantId = 'tenant-a'): ChannelDigestSubscription => ({
        tenantId,
        channelId,
        groupId: '0c0ffee0-0000-4000-8000-000000000001',
        reference: { ...reference, conversation: { id: channelId, conversationType: 'channel', tenantId, isGroup: true, name: '' } },
        createdAt: new Date('2026-11-29T09:00:00Z'),
        lastPostedAt: null,
      });

      it('when a channel subscribes, then get and list return it whole; another tenant with the same channel id is separate', async () => {
        await stores.digests.save(channel('19:general@thread.tacv2'));
        expect(await stores.digests.get('tenant-a', '19:general@thread.tacv2')).toEqual(channel('19:general@thread.tacv2'));
        expect(await stores.digests.get('tenant-b', '19:general@thread.tacv2')).toBeUndefined();
        await stores.digests.save(channel('19:general@thread.tacv2', 'tenant-b'));
        expect((await stores.digests.list()).map((s) => s.tenantId).sort()).toEqual(['tenant-a', 'tenant-b']);
      });

      it('when a digest is posted, then lastPostedAt is kept; after unsubscribing, markPosted does not bring it back', async () => {
        await stores.digests.save(channel('19:a@thread.tacv2'));
        const at = new Date('2026-11-30T08:00:00Z');
        await stores.digests.markPosted('tenant-a', '19:a@thread.tacv2', at);
        expect((await stores.digests.get('tenant-a', '19:a@thread.tacv2'))?.lastPostedAt).toEqual(at);
        expect(await stores.digests.remove('tenant-a', '19:a@thread.tacv2')).toBe(true);
        expect(await stores.digests.remove('tenant-a', '19:a@thread.tacv2')).toBe(false);
        await stores.digests.markPosted('tenant-a', '19:a@thread.tacv2', at);
        expect(await stores.digests.list()).toEqual([]);
      });
    });

    describe('feedback', () => {
      it('when feedback is recorded, with or without a cause, then the store accepts it', async () => {
        const at = new Date('2026-11-29T10:00:00Z');
        await expect(stores.feedback.record({ user: alice, callId: 'call-1', helpful: true, causeCode: 'wifi-weak-signal', at })).resolves.toBeUndefined();
        await expect(stores.feedback.record({ user: alice, callId: 'call-2', helpful: false, causeCode: null, at })).resolves.toBeUndefined();
      });
    });

    describe('pending diagnoses', () => {
      const now = new Date('2026-11-29T12:00:00Z');
      const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

      it('when requests are taken, then the open ones come back and are gone afterwards', async () => {
        await stores.pending.add({ user: alice, requestedAt: minutes(-10), expiresAt: minutes(140) });
        await stores.pending.add({ user: alice, requestedAt: minutes(-20), expiresAt: minutes(130) });
        // The port promises no order, so compare oldest first.
        const taken = (await stores.pending.take(alice, now)).sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
        expect(taken.map((r) => r.requestedAt.toISOString())).toEqual([minutes(-20).toISOString(), minutes(-10).toISOString()]);
        expect(taken[0]!.expiresAt.toISOString()).toBe(minutes(130).toISOString());
        expect(taken[0]!.user).toEqual(alice);
        expect(await stores.pending.take(alice, now)).toEqual([]);
      });

      it('when a request has expired, then take does not return it', async () => {
        await stores.pending.add({ user: alice, requestedAt: minutes(-200), expiresAt: minutes(-50) });
        await stores.pending.add({ user: alice, requestedAt: minutes(-5), expiresAt: minutes(145) });
        const taken = await stores.pending.take(alice, now);
        expect(taken.map((r) => r.requestedAt.toISOString())).toEqual([minutes(-5).toISOString()]);
      });

      it("when one user's requests are taken, then other users' requests stay", async () => {
        await stores.pending.add({ user: alice, requestedAt: minutes(-1), expiresAt: minutes(100) });
        await stores.pending.add({ user: bob, requestedAt: minutes(-1), expiresAt: minutes(100) });
        await stores.pending.add({ user: aliceTwin, requestedAt: minutes(-1), expiresAt: minutes(100) });
        await stores.pending.take(alice, now);
        expect(await stores.pending.take(bob, now)).toHaveLength(1);
        expect(await stores.pending.take(aliceTwin, now)).toHaveLength(1);
      });
    });
  });
}
