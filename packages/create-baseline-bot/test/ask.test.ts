import prompts from 'prompts';
import { describe, expect, it } from 'vitest';
import { detectPackageManager } from '../src/answers.js';
import { askAnswers } from '../src/ask.js';

describe('askAnswers', () => {
  it('GIVEN scripted answers for every prompt THEN they become the answers, in the order asked', async () => {
    prompts.inject(['cool-bot', 'pnpm', [], ['anthropic', 'openai'], false]);
    const answers = await askAnswers({ template: 'bot' }, { yes: false, interactive: true });
    expect(answers).toEqual({
      name: 'cool-bot',
      template: 'bot',
      packageManager: 'pnpm',
      examplePlugins: [],
      llmProviders: ['anthropic', 'openai'],
      dashboard: false,
    });
  });

  it('GIVEN flags for some answers THEN only the others are asked', async () => {
    prompts.inject(['npm', true]);
    const answers = await askAnswers({ template: 'bot', name: 'flagged', examplePlugins: ['counter'], llmProviders: [] }, { yes: false, interactive: true });
    expect(answers).toMatchObject({ name: 'flagged', packageManager: 'npm', examplePlugins: ['counter'], llmProviders: [], dashboard: true });
  });

  it('GIVEN the plugin template THEN the bot-only questions are not asked', async () => {
    prompts.inject(['my-notes', 'npm']);
    const answers = await askAnswers({ template: 'plugin' }, { yes: false, interactive: true });
    expect(answers).toMatchObject({ name: 'my-notes', template: 'plugin', packageManager: 'npm' });
  });

  it('GIVEN --yes THEN nothing is asked and the defaults fill the gaps', async () => {
    const answers = await askAnswers({ template: 'bot', llmProviders: ['xai'] }, { yes: true, interactive: false });
    // The package manager's default follows whoever runs the scaffolder (npm_config_user_agent): pnpm under `pnpm exec`.
    expect(answers).toEqual({
      name: 'my-bot',
      template: 'bot',
      packageManager: detectPackageManager(),
      examplePlugins: ['counter'],
      llmProviders: ['xai'],
      dashboard: true,
    });
  });

  it('GIVEN no terminal and no --yes THEN it refuses with BL_ERR_CREATE_NO_TERMINAL naming the flags', async () => {
    await expect(askAnswers({ template: 'bot', name: 'x' }, { yes: false, interactive: false })).rejects.toMatchObject({
      code: 'BL_ERR_CREATE_NO_TERMINAL',
      message: expect.stringContaining('pass --yes to take the defaults, or give --package-manager, --plugins, --llm, --dashboard / --no-dashboard'),
    });
  });

  it('GIVEN a cancelled prompt THEN it stops with BL_ERR_CREATE_CANCELLED', async () => {
    prompts.inject([new Error('cancelled')]);
    await expect(askAnswers({ template: 'plugin' }, { yes: false, interactive: true })).rejects.toMatchObject({ code: 'BL_ERR_CREATE_CANCELLED' });
  });

  it('GIVEN the user agent of pnpm THEN pnpm is the default package manager, else npm', () => {
    expect(detectPackageManager('pnpm/10.34.9 npm/? node/v22.23.3 linux x64')).toBe('pnpm');
    expect(detectPackageManager('npm/11.0.0 node/v22.23.3')).toBe('npm');
  });

  it('GIVEN an answer that cannot be a package name THEN it is refused with BL_ERR_CREATE_INVALID_ANSWER', async () => {
    prompts.inject(['Not A Name', 'npm', [], [], true]);
    await expect(askAnswers({ template: 'bot' }, { yes: false, interactive: true })).rejects.toMatchObject({ code: 'BL_ERR_CREATE_INVALID_ANSWER' });
  });
});
