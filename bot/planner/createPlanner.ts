// The optional AI planner. Built only when Azure OpenAI settings (or a test model) are given.
import { fileURLToPath } from 'node:url';
import { ActionPlanner, OpenAIModel, PromptManager } from '@microsoft/teams-ai';
import type { PromptCompletionModel } from '@microsoft/teams-ai';
import type { PlannerSettings } from '../dependencies.js';
import type { CallDoctorTurnState } from '../state.js';

/** bot/prompts holds one prompt, "chat": config.json, skprompt.txt and actions.json. */
export const PROMPTS_FOLDER = fileURLToPath(new URL('../prompts', import.meta.url));

export function createPlannerModel(settings: PlannerSettings): PromptCompletionModel {
  if (!settings.apiKey && !settings.tokenProvider) {
    throw new Error('The AI planner needs an Azure OpenAI API key or a token provider (managed identity)');
  }
  return new OpenAIModel({
    azureEndpoint: settings.endpoint,
    azureDefaultDeployment: settings.deployment,
    ...(settings.apiKey ? { azureApiKey: settings.apiKey } : { azureADTokenProvider: settings.tokenProvider! }),
    ...(settings.apiVersion ? { azureApiVersion: settings.apiVersion } : {}),
    useSystemMessages: true,
    // Requests carry the user's words; they stay out of the logs.
    logRequests: false,
  });
}

export function createActionPlanner(model: PromptCompletionModel): ActionPlanner<CallDoctorTurnState> {
  return new ActionPlanner<CallDoctorTurnState>({
    model,
    prompts: new PromptManager({ promptsFolder: PROMPTS_FOLDER }),
    defaultPrompt: 'chat',
  });
}
