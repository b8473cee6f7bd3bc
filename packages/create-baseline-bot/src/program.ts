import { basename, resolve } from 'node:path';
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { EXAMPLE_PLUGINS, LLM_PROVIDER_KEYS, PACKAGE_MANAGERS, TEMPLATES, type Answers } from './answers.js';
import { askAnswers, type GivenAnswers } from './ask.js';
import { CREATE_ERROR_CODES, CreateError } from './create-error.js';
import { initGit, installDependencies } from './install.js';
import { nextSteps } from './next-steps.js';
import { checkProjectName, folderOf } from './project-name.js';
import { scaffold } from './scaffold.js';
import { SCAFFOLDER_VERSION } from './versions.js';

const SCOPED = /^@[^/]+\/[^/]+$/;

interface Flags {
  template: string;
  packageManager?: string;
  plugins?: string;
  llm?: string;
  dashboard?: boolean;
  yes?: boolean;
  force?: boolean;
  install: boolean;
  git: boolean;
}

/** The `create-baseline-bot` command: every prompt has a flag, `--yes` takes the defaults for the rest. */
export function createProgram(): Command {
  return new Command('create-baseline-bot')
    .version(SCAFFOLDER_VERSION)
    .description('Scaffold a Discord bot on baseline, or with --template plugin a plugin package.')
    .argument('[directory]', 'folder to create; its name becomes the package name')
    .addOption(new Option('-t, --template <name>', 'what to scaffold').choices(TEMPLATES).default('bot'))
    .addOption(new Option('--package-manager <name>', 'package manager of the project').choices(PACKAGE_MANAGERS))
    .option('--plugins <list>', `example plugins, comma-separated (${EXAMPLE_PLUGINS.join(', ')}; "none" for none)`)
    .option('--llm <list>', `LLM providers, comma-separated (${Object.keys(LLM_PROVIDER_KEYS).join(', ')}; "none" for none)`)
    .option('--dashboard', 'add the web dashboard (web/)')
    .option('--no-dashboard', 'leave the web dashboard out')
    .option('-y, --yes', 'take the defaults for everything no flag gives; runs without a terminal')
    .option('-f, --force', 'write into a folder that is not empty')
    .option('--no-install', 'do not install dependencies')
    .option('--no-git', 'do not create a git repository')
    .addHelpText(
      'after',
      `\nExamples:\n  $ npx create-baseline-bot my-bot\n  $ npx create-baseline-bot my-bot --yes --package-manager pnpm --llm openai --no-dashboard\n  $ npx create-baseline-bot my-plugin --template plugin --yes`,
    )
    .action(async (directory: string | undefined, flags: Flags) => {
      await createProject(directory, flags);
    });
}

async function createProject(directory: string | undefined, flags: Flags): Promise<void> {
  const given = givenAnswers(directory, flags);
  const answers = await askAnswers(given, { yes: flags.yes === true, interactive: process.stdin.isTTY === true });
  const dir = resolve(directory === undefined || SCOPED.test(directory) ? folderOf(answers.name) : directory);
  process.stdout.write(`Scaffolding ${answers.template} ${pc.bold(answers.name)} in ${dir}\n`);
  await scaffold(dir, answers, { force: flags.force === true });
  if (flags.install) {
    process.stdout.write(`Installing dependencies with ${answers.packageManager}…\n`);
    await installDependencies(dir, answers.packageManager);
  }
  if (flags.git && (await initGit(dir))) process.stdout.write('Created a git repository.\n');
  process.stdout.write(nextSteps(dir, answers, flags.install));
}

/** The answers the flags give, checked against what exists. */
function givenAnswers(directory: string | undefined, flags: Flags): GivenAnswers {
  const given: GivenAnswers = { template: flags.template as Answers['template'] };
  if (directory !== undefined) {
    // `@acme/notes` names a scoped package written to ./notes; any other argument is a folder named after it.
    given.name = SCOPED.test(directory) ? directory : basename(resolve(directory));
    checkProjectName(given.name);
  }
  if (flags.packageManager !== undefined) given.packageManager = flags.packageManager as Answers['packageManager'];
  if (flags.plugins !== undefined) given.examplePlugins = parseList(flags.plugins, EXAMPLE_PLUGINS, '--plugins');
  if (flags.llm !== undefined) given.llmProviders = parseList(flags.llm, Object.keys(LLM_PROVIDER_KEYS) as (keyof typeof LLM_PROVIDER_KEYS)[], '--llm');
  if (flags.dashboard !== undefined) given.dashboard = flags.dashboard;
  return given;
}

function parseList<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  if (value.trim() === '' || value === 'none') return [];
  const items = value.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length > 0) {
    throw new CreateError(CREATE_ERROR_CODES.invalidAnswer, `${flag} does not know ${unknown.join(', ')}: choose from ${allowed.join(', ')}, or "none".`);
  }
  return items as T[];
}
