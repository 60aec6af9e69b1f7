import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../../graph/testing/index.js';
import { ALEX, LENA, teamsMessage } from '../testing/activities.js';
import { typingPerTurn } from './typing.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** What each conversation received, in order: 't' for typing, 'm' for a message. */
function timeline(adapter: TestAdapter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of adapter.activeQueue as Partial<Activity>[]) {
    const id = a.conversation!.id;
    out[id] = (out[id] ?? '') + (a.type === 'typing' ? 't' : 'm');
  }
  return out;
}

describe('typing indicator per turn', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when two people ask at once and one is answered first, then the other keeps seeing "typing" until their own answer, and none follows an answer', async () => {
    const adapter = new TestAdapter();
    adapter.use(typingPerTurn({ delayMs: 1_000, periodMs: 2_000, logger: recordingLogger() }));
    const alexAnswered = deferred();
    const lenaAnswered = deferred();
    const turn = (gate: Promise<void>) => async (context: TurnContext) => {
      await gate;
      await context.sendActivity('answer');
    };
    const alex = adapter.processActivity({ ...teamsMessage('poor calls this week', { from: ALEX }) }, turn(alexAnswered.promise));
    const lena = adapter.processActivity({ ...teamsMessage('my last call', { from: LENA }) }, turn(lenaAnswered.promise));
    const alexChat = `a:personal-${ALEX.id}`;
    const lenaChat = `a:personal-${LENA.id}`;

    await vi.advanceTimersByTimeAsync(1_000);
    expect(timeline(adapter)).toEqual({ [alexChat]: 't', [lenaChat]: 't' });

    lenaAnswered.resolve();
    await lena;
    await vi.advanceTimersByTimeAsync(4_000);
    // Lena's answer stopped only Lena's indicator; Alex's went on (teams-ai's shared timer would have stopped, or never started, one of them).
    expect(timeline(adapter)).toEqual({ [alexChat]: 'ttt', [lenaChat]: 'tm' });

    alexAnswered.resolve();
    await alex;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(timeline(adapter)).toEqual({ [alexChat]: 'tttm', [lenaChat]: 'tm' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when a turn is answered before the delay, then no indicator is sent at all', async () => {
    const adapter = new TestAdapter();
    adapter.use(typingPerTurn({ delayMs: 1_000, logger: recordingLogger() }));
    await adapter.processActivity({ ...teamsMessage('help') }, async (context) => {
      await context.sendActivity('quick');
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(adapter.activeQueue.map((a) => a.type)).toEqual(['message']);
  });

  it('when a turn ends without answering (a silent group message), then its indicator stops with it', async () => {
    const adapter = new TestAdapter();
    adapter.use(typingPerTurn({ delayMs: 1_000, periodMs: 1_000, logger: recordingLogger() }));
    const done = deferred();
    const turn = adapter.processActivity({ ...teamsMessage('chatter') }, async () => done.promise);
    await vi.advanceTimersByTimeAsync(1_500);
    done.resolve();
    await turn;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(adapter.activeQueue.map((a) => a.type)).toEqual(['typing']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
