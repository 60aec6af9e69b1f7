// The AI planner's actions are the bot's own answers: the model only chooses which one and with
// what parameters; every fact still comes from graph/ and every judgement from diagnosis/.
import { AI } from '@microsoft/teams-ai';
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { answerAlerts } from '../answers/alerts.js';
import { answerCallList } from '../answers/callList.js';
import { answerFindCall } from '../answers/findCall.js';
import { answerLastCall } from '../answers/lastCall.js';
import { answerPhoneCall } from '../answers/phoneCall.js';
import type { BotReply } from '../answers/reply.js';
import { cardReply } from '../answers/reply.js';
import type { Asker } from '../asker.js';
import { helpCard } from '../cards/noticeCard.js';
import type { BotDependencies } from '../dependencies.js';
import { respondAsAsker } from '../handlers/respond.js';
import { MAX_LISTED_CALLS } from '../intents/entities/count.js';
import { parsePhoneNumber } from '../intents/entities/phoneNumber.js';
import type { DayExpression } from '../intents/entities/timeExpression.js';
import { parseTimeExpression } from '../intents/entities/timeExpression.js';
import type { AlertMode } from '../ports.js';
import type { CallDoctorTurnState } from '../state.js';

type Params = Record<string, unknown>;

const PERIODS: readonly DayExpression[] = ['today', 'yesterday', 'thisWeek', 'lastWeek'];
const MODES: readonly AlertMode[] = ['all', 'drops', 'off'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Each action: planner parameters -> the same answer the router would give. */
export const PLANNER_ACTIONS: Readonly<Record<string, (deps: BotDependencies, asker: Asker, params: Params) => Promise<BotReply>>> = {
  lastCall: (deps, asker, params) => answerLastCall(deps, asker, params.justEnded === true ? { justEnded: true } : {}),
  findCall: (deps, asker, params) => {
    const person = text(params.person);
    const when = text(params.when);
    const time = when ? parseTimeExpression(when) ?? undefined : undefined;
    if (!person && !time) return answerLastCall(deps, asker);
    return answerFindCall(deps, asker, { ...(person ? { person } : {}), ...(time ? { time } : {}) });
  },
  listCalls: (deps, asker, params) => {
    const period = PERIODS.find((p) => p === params.period);
    const count = typeof params.count === 'number' && params.count >= 1 ? Math.min(Math.floor(params.count), MAX_LISTED_CALLS) : undefined;
    const person = text(params.person);
    return answerCallList(deps, asker, {
      ...(person ? { person } : {}),
      ...(period ? { time: { day: period } } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(params.problemsOnly === true ? { problemsOnly: true } : {}),
    });
  },
  phoneCall: async (deps, asker, params) => {
    const number = parsePhoneNumber(text(params.number) ?? '');
    return number ? answerPhoneCall(deps, asker, number) : cardReply(helpCard('Which phone number? For example: "why did my call to +1 425 555 0100 fail?"'));
  },
  setAlerts: (deps, asker, params) => {
    const mode = MODES.find((m) => m === params.mode);
    return answerAlerts(deps, asker, mode ? { set: mode } : { status: true });
  },
  alertStatus: (deps, asker) => answerAlerts(deps, asker, { status: true }),
  help: async () => cardReply(helpCard()),
};

export function registerPlannerActions(app: Application<CallDoctorTurnState>, deps: BotDependencies): void {
  const ai = app.ai;
  for (const [name, answer] of Object.entries(PLANNER_ACTIONS)) {
    ai.action<Params>(name, async (context, _state, params) => {
      const reply = await respondAsAsker(context, deps, (asker) => answer(deps, asker, params ?? {}));
      // The card already answered; the summary is the action's output in the planner's memory.
      return reply.summary;
    });
  }

  // A plan with nothing in it would leave the user with silence.
  ai.action<{ commands?: unknown[] }>(AI.PlanReadyActionName, async (context, _state, plan) => {
    if (Array.isArray(plan?.commands) && plan.commands.length > 0) return '';
    await sendHelp(context, deps, 'I’m not sure what you mean. I answer questions about your Teams calls.');
    return AI.StopCommandName;
  });

  // teams-ai passes the whole plan (with the model's parameters: names, numbers) as data and the
  // action's name after it; only the name is logged, and only when it is a plain identifier.
  ai.action(AI.UnknownActionName, async (context, _state, _plan, action) => {
    deps.logger.warn({ action: loggableActionName(action) }, 'planner chose an unknown action');
    await sendHelp(context, deps);
    return AI.StopCommandName;
  });

  // teams-ai routes every failure of a planned turn here, not only HTTP ones.
  ai.action<Record<string, unknown>>(AI.HttpErrorActionName, async (context, _state, error) => {
    deps.logger.warn({ error: error instanceof Error ? error.name : 'unknown' }, 'AI planner failed; answered with help');
    await sendHelp(context, deps, 'I couldn’t work that question out just now. These phrasings always work:');
    return AI.StopCommandName;
  });
}

/**
 * An unknown action's name is the model's own text and can carry the user's words (names, phone
 * numbers): it reaches the logs only when it looks like an action name, letters and underscores.
 */
export function loggableActionName(name: unknown): string {
  return typeof name === 'string' && /^[A-Za-z_]{1,40}$/.test(name) ? name : '(not a plain action name)';
}

async function sendHelp(context: TurnContext, deps: BotDependencies, intro?: string): Promise<void> {
  await respondAsAsker(context, deps, async () => cardReply(helpCard(intro)));
}
