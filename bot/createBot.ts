// Builds the Teams bot: a teams-ai Application with the intent router, card actions, install
// handling and (when configured) the AI planner. The server hosts it at POST /api/messages:
//   await adapter.process(req, res, (context) => app.run(context));
import { MemoryStorage } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { createBotAdapter, type CallDoctorAdapter } from './adapter.js';
import type { BotDependencies } from './dependencies.js';
import { registerCardActions } from './handlers/cardActionRoutes.js';
import { registerInstallRoutes } from './handlers/installRoutes.js';
import { registerMessageRoutes } from './handlers/messageRoutes.js';
import { registerTurnGate } from './handlers/turnGate.js';
import { typingPerTurn } from './handlers/typing.js';
import { createActionPlanner, createPlannerModel } from './planner/createPlanner.js';
import { registerPlannerActions } from './planner/plannerActions.js';
import type { CallDoctorTurnState } from './state.js';

export interface Bot {
  readonly app: Application<CallDoctorTurnState>;
  readonly adapter: CallDoctorAdapter;
}

export function createBot(deps: BotDependencies): Bot {
  const model = deps.plannerModel ?? (deps.planner ? createPlannerModel(deps.planner) : undefined);
  const adapter = deps.adapter ?? createBotAdapter({ appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' }, deps.logger);
  const app = new Application<CallDoctorTurnState>({
    adapter,
    ...(deps.botAppId ? { botAppId: deps.botAppId } : {}),
    storage: deps.storage ?? new MemoryStorage(),
    removeRecipientMention: true,
    // teams-ai's timer is one per Application and breaks with concurrent turns: ours is per turn (handlers/typing.ts).
    startTypingTimer: false,
    longRunningMessages: false,
    adaptiveCards: { actionSubmitFilter: 'verb' },
    // No looping: each action already answered with a card, and a second model call would only repeat it.
    ...(model ? { ai: { planner: createActionPlanner(model), allow_looping: false } } : {}),
  });

  if (deps.typingIndicator ?? true) adapter.use(typingPerTurn({ logger: deps.logger }));
  registerTurnGate(app, deps);
  registerInstallRoutes(app, deps);
  // Card actions before text routes: a submit is a message with no text and must not reach the help fallback.
  registerCardActions(app, deps);
  registerMessageRoutes(app, deps, { plannerHandlesTheRest: model !== undefined });
  if (model) registerPlannerActions(app, deps);
  // No app.error(): it would replace the adapter's onTurnError, which logs and answers kindly.
  return { app, adapter };
}
