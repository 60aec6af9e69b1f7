import { TestModel } from '@microsoft/teams-ai';
import { describe, expect, it } from 'vitest';
import { ALEX, LENA, RAVI, TEST_TENANT_ID, cardSubmit, teamsMessage } from '../testing/activities.js';
import { testCall } from '../testing/callRecords.js';
import { visibleText } from '../testing/cardReading.js';
import { createTestBot } from '../testing/testBot.js';
import { loggableActionName } from './plannerActions.js';

const raviPoor = testCall({ id: 'ravi-poor', start: '2026-11-26T10:00:00Z', with: [RAVI], quality: 'packet-loss' });
const lenaDropped = testCall({ id: 'lena-dropped', start: '2026-11-28T14:00:00Z', with: [LENA], quality: 'dropped' });

const plan = (...commands: object[]) => JSON.stringify({ type: 'plan', commands });
const freeForm = 'anything weird going on with ravi lately?';

describe('AI planner (Azure OpenAI configured)', () => {
  it('when the router cannot match a question, then the planner picks an action and the user gets its card', async () => {
    const model = TestModel.returnContent(plan({ type: 'DO', action: 'findCall', parameters: { person: 'Ravi' } }));
    const bot = createTestBot({ records: [raviPoor, lenaDropped], overrides: { plannerModel: model } });
    const replies = await bot.send(teamsMessage(freeForm));
    // One answer: the action's card, not a second model round or an error notice after it.
    expect(replies).toHaveLength(1);
    expect(visibleText(replies[0]!)).toContain('Poor quality: your call with Ravi Patel');
  });

  it('when the planner chooses an alert mode, then it is stored exactly as the router would', async () => {
    const model = TestModel.returnContent(plan({ type: 'DO', action: 'setAlerts', parameters: { mode: 'drops' } }));
    const bot = createTestBot({ overrides: { plannerModel: model } });
    await bot.send(teamsMessage('please only bother me when things really break'));
    expect(bot.stores.alertModes.get(`${TEST_TENANT_ID}/${ALEX.id}`)).toBe('drops');
  });

  it('when the planner lists poor calls for a period, then the list card shows only those', async () => {
    const model = TestModel.returnContent(plan({ type: 'DO', action: 'listCalls', parameters: { period: 'thisWeek', problemsOnly: true } }));
    const bot = createTestBot({ records: [raviPoor, lenaDropped, testCall({ id: 'good', start: '2026-11-27T10:00:00Z', with: [LENA] })], overrides: { plannerModel: model } });
    const [reply] = await bot.send(teamsMessage('gimme the rough ones from the past few days'));
    const text = visibleText(reply!);
    expect(text).toContain('Poor or dropped calls this week');
    expect(text.split('\n').filter((line) => line.includes(': call with'))).toHaveLength(2);
  });

  it('when the planner returns an empty plan, then the user still gets the help card', async () => {
    const bot = createTestBot({ overrides: { plannerModel: TestModel.returnContent(plan()) } });
    const [reply] = await bot.send(teamsMessage(freeForm));
    expect(visibleText(reply!)).toContain('Try asking');
  });

  it('when the AI service fails, then the user gets a friendly answer, not an error', async () => {
    const bot = createTestBot({ overrides: { plannerModel: TestModel.returnError(new Error('429 from Azure OpenAI')) } });
    const replies = await bot.send(teamsMessage(freeForm));
    expect(replies).toHaveLength(1);
    const text = visibleText(replies[0]!);
    expect(text).toContain('These phrasings always work');
    expect(text).not.toContain('429');
  });

  it('when a question matches the router, then it is answered without the model', async () => {
    const model = TestModel.returnContent(plan({ type: 'DO', action: 'help' }));
    const bot = createTestBot({ records: [lenaDropped], overrides: { plannerModel: model } });
    const [reply] = await bot.send(teamsMessage('why did my last call drop'));
    expect(visibleText(reply!)).toContain('Call dropped: your call with Lena Fischer');
  });
});

describe('AI planner fallbacks', () => {
  it('when a card submit has an unknown verb and a planner is configured, then help still answers', async () => {
    const bot = createTestBot({ overrides: { plannerModel: TestModel.returnContent(plan({ type: 'DO', action: 'help' })) } });
    const [reply] = await bot.send(cardSubmit({ verb: 'noSuchButton' }));
    expect(visibleText(reply!)).toContain('Try asking');
  });
});

describe('AI planner logs', () => {
  it('when the model invents an action from the question, then the user gets help and neither the name nor its parameters reach the logs', async () => {
    const invented = plan({ type: 'DO', action: 'show Ravi Patel call to +1 425 555 0100', parameters: { person: 'Ravi Patel', number: '+1 425 555 0100' } });
    const bot = createTestBot({ records: [raviPoor], overrides: { plannerModel: TestModel.returnContent(invented) } });
    const [reply] = await bot.send(teamsMessage(freeForm));
    expect(visibleText(reply!)).toContain('Try asking');
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(bot.logs)).not.toMatch(/Ravi|Patel|555|0100/);
  });

  it.each([
    ['listCallsWithPerson', 'listCallsWithPerson'],
    ['show Ravi Patel call to +1 425 555 0100', '(not a plain action name)'],
    ['callRavi4255550100', '(not a plain action name)'],
    [{ action: 'findCall', parameters: { person: 'Ravi Patel' } }, '(not a plain action name)'],
  ])('when the model names an unknown action %j, then the log shows %s', (name, logged) => {
    expect(loggableActionName(name)).toBe(logged);
  });
});
