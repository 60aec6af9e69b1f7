import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_FOLDER } from './createPlanner.js';
import { PLANNER_ACTIONS } from './plannerActions.js';

const promptFile = (name: string) => readFileSync(join(PROMPTS_FOLDER, 'chat', name), 'utf8');

describe('the planner prompt', () => {
  it('when the model is offered actions, then each one has a handler and every handler is offered', () => {
    const offered = (JSON.parse(promptFile('actions.json')) as { name: string }[]).map((a) => a.name).sort();
    expect(offered).toEqual(Object.keys(PLANNER_ACTIONS).sort());
  });

  it('when the prompt is configured, then it plans a sequence and keeps no chat history with call details', () => {
    const config = JSON.parse(promptFile('config.json')) as { augmentation: { augmentation_type: string }; completion: { include_history: boolean } };
    expect(config.augmentation.augmentation_type).toBe('sequence');
    expect(config.completion.include_history).toBe(false);
  });
});
