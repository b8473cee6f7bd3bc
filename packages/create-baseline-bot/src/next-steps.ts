import { relative } from 'node:path';
import pc from 'picocolors';
import type { Answers } from './answers.js';

/** What to run next, printed when the project is written. */
export function nextSteps(dir: string, answers: Answers, installed: boolean): string {
  const run = (script: string) => (answers.packageManager === 'npm' ? `npm run ${script}` : `pnpm ${script}`);
  const steps = [`cd ${relative(process.cwd(), dir) || '.'}`];
  if (!installed) steps.push(`${answers.packageManager} install`);
  if (answers.template === 'bot') {
    steps.push(`${run('dev')}      ${pc.dim('# the bot, the API and the dashboard against the Discord emulator')}`);
    steps.push(`${run('test')}     ${pc.dim('# the tests, against the emulator too')}`);
  } else {
    steps.push(`${run('test')}     ${pc.dim('# the plugin in a bot against the Discord emulator')}`);
    steps.push(`${run('build')}    ${pc.dim('# dist/, what the "baseline" manifest points at; then npm publish')}`);
  }
  const title = answers.template === 'bot' ? `Your bot ${pc.bold(answers.name)} is ready.` : `Your plugin ${pc.bold(answers.name)} is ready.`;
  return `\n${pc.green('✔')} ${title} Next:\n\n${steps.map((step) => `  ${step}`).join('\n')}\n\nThen read docs/getting-started.md of baseline for real Discord.\n`;
}
