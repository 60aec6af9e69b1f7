import { describe, expect, it } from 'vitest';
import { matchIntent } from './router.js';

const routed = (text: string) => {
  const matched = matchIntent(text);
  return matched && { name: matched.name, params: matched.params };
};

describe('alert rules phrasings', () => {
  it.each([
    ['quiet hours 18:00 to 08:00', { start: '18:00', end: '08:00' }],
    ['set quiet hours from 6pm to 8am', { start: '18:00', end: '08:00' }],
    ['quiet hours between 22:30 and 7', { start: '22:30', end: '07:00' }],
    ['do not disturb 12pm-1pm', { start: '12:00', end: '13:00' }],
  ])('"%s" sets quiet hours', (text, quietHours) => {
    expect(routed(text)).toEqual({ name: 'alertRules', params: { quietHours } });
  });

  it.each(['no quiet hours', 'remove my quiet hours', 'quiet hours off'])('"%s" removes them', (text) => {
    expect(routed(text)).toEqual({ name: 'alertRules', params: { quietHours: null } });
  });

  it.each([
    ['at most 2 alerts a day', 2],
    ['no more than one alert per day', 1],
    ['max 5 alerts per day', 5],
    ['2 alerts a day max', 2],
    ['limit alerts to 4 a day', 4],
  ])('"%s" caps alerts at %i', (text, dailyCap) => {
    expect(routed(text)).toEqual({ name: 'alertRules', params: { dailyCap } });
  });

  it('when the times cannot be read, then the user is told what is wrong instead of storing a guess', () => {
    expect(routed('quiet hours 25:00 to 08:00')?.params).toEqual({ problem: expect.stringContaining('25:00 to 08:00') });
    expect(routed('at most 0 alerts a day')?.params).toEqual({ problem: expect.stringContaining('turn alerts off') });
    expect(routed('at most 500 alerts a day')?.params).toEqual({ problem: expect.stringContaining('1 to 50') });
  });

  it('when a message only mentions alerts, then the mode intent still answers it', () => {
    expect(routed('turn alerts off')?.name).toBe('alerts');
    expect(routed('alert me only when a call drops')?.name).toBe('alerts');
  });
});
