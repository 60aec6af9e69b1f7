// One behavioural suite for every implementation of bot/ports.ts (style-anchors 6): SQLite now,
// the bot's in-memory stores, and Azure Tables when STORE=azure lands. Register an
// implementation with describeBotPortsContract('name', factory) from a *.test.ts file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertPreferenceStore, ConversationReferenceStore, FeedbackStore, PendingDiagnosisStore, UserKey } from '../../../bot/index.js';

export interface BotPortsUnderTest {
  readonly conversations: ConversationReferenceStore;
  readonly alertPreferences: AlertPreferenceStore;
  readonly feedback: FeedbackStore;
  readonly pending: PendingDiagnosisStore;
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
