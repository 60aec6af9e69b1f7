// botbuilder Storage behaviour (as MemoryStorage has it) for every turn-state store.
import type { Storage } from 'botbuilder';
import { describe, expect, it } from 'vitest';

export function describeBotStateContract(name: string, create: () => Storage): void {
  describe(`bot turn-state storage contract: ${name}`, () => {
    const key = 'msteams/conversations/a:1personal/conversation';

    it('when an item is written, then it reads back with an eTag; unknown keys are absent', async () => {
      const storage = create();
      await storage.write({ [key]: { welcomed: true } });
      const items = await storage.read([key, 'msteams/conversations/other']);
      expect(items[key]).toMatchObject({ welcomed: true });
      expect(typeof items[key].eTag).toBe('string');
      expect(items['msteams/conversations/other']).toBeUndefined();
    });

    it('when two turns read the same state and both write, then the second write is rejected', async () => {
      const storage = create();
      await storage.write({ [key]: { count: 1 } });
      const first = (await storage.read([key]))[key];
      const second = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...first, count: 2 } });
      await expect(storage.write({ [key]: { ...second, count: 3 } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read([key]))[key]).toMatchObject({ count: 2 });
    });

    it("when an item is written with eTag '*', then it overwrites whatever is there", async () => {
      const storage = create();
      await storage.write({ [key]: { count: 1 } });
      await storage.write({ [key]: { count: 5, eTag: '*' } });
      expect((await storage.read([key]))[key]).toMatchObject({ count: 5 });
    });

    it('when an item is deleted, then it is gone and deleting again is harmless', async () => {
      const storage = create();
      await storage.write({ [key]: { welcomed: true } });
      await storage.delete([key]);
      expect(await storage.read([key])).toEqual({});
      await expect(storage.delete([key])).resolves.toBeUndefined();
    });
  });
}
