import prompts, { type PromptObject } from 'prompts';
import { EXAMPLE_PLUGINS, LLM_PROVIDER_KEYS, PACKAGE_MANAGERS, defaultAnswers, type Answers, type TemplateName } from './answers.js';
import { CREATE_ERROR_CODES, CreateError } from './create-error.js';
import { checkProjectName } from './project-name.js';

/** Answers given by flags; the rest is asked, or taken from the defaults with `--yes`. */
export type GivenAnswers = Partial<Omit<Answers, 'template'>> & { template: TemplateName };

/** How {@link askAnswers} may get what the flags left out. */
export interface AskOptions {
  /** Take the defaults instead of asking. */
  yes: boolean;
  /** Whether a person can answer (stdin is a terminal). Prompts scripted with `prompts.inject` count as one. */
  interactive: boolean;
}

/**
 * Completes the answers: flags win, then `--yes` defaults, then a prompt for each missing one (bot-only
 * questions are not asked for a plugin).
 *
 * @throws CreateError `BL_ERR_CREATE_NO_TERMINAL` when answers are missing, `--yes` is absent and nobody can
 * answer; `BL_ERR_CREATE_CANCELLED` when a prompt is cancelled.
 */
export async function askAnswers(given: GivenAnswers, options: AskOptions): Promise<Answers> {
  const defaults = defaultAnswers(given.template);
  const questions = questionsFor(given, defaults);
  if (options.yes || questions.length === 0) return { ...defaults, ...definedOnly(given) };
  if (!options.interactive) {
    const flags = questions.map((question) => `--${flagOf(String(question.name))}`).join(', ');
    throw new CreateError(CREATE_ERROR_CODES.noTerminal, `no terminal to ask on: pass --yes to take the defaults, or give ${flags}.`);
  }
  const asked = (await prompts(questions, {
    onCancel: () => {
      throw new CreateError(CREATE_ERROR_CODES.cancelled, 'cancelled: nothing was written.');
    },
  })) as Partial<Answers>;
  const answers = { ...defaults, ...definedOnly(given), ...definedOnly(asked) };
  checkProjectName(answers.name);
  return answers;
}

/** The questions for what the flags left out, in the order they are asked. */
function questionsFor(given: GivenAnswers, defaults: Answers): PromptObject[] {
  const bot = given.template === 'bot';
  const questions: PromptObject[] = [];
  if (given.name === undefined) {
    questions.push({ type: 'text', name: 'name', message: 'Project name', initial: defaults.name, validate: (value: string) => validName(value) });
  }
  if (given.packageManager === undefined) {
    questions.push({
      type: 'select',
      name: 'packageManager',
      message: 'Package manager',
      choices: PACKAGE_MANAGERS.map((value) => ({ title: value, value })),
      initial: PACKAGE_MANAGERS.indexOf(defaults.packageManager),
    });
  }
  if (bot && given.examplePlugins === undefined) {
    questions.push({
      type: 'multiselect',
      name: 'examplePlugins',
      message: 'Example plugins',
      choices: EXAMPLE_PLUGINS.map((value) => ({ title: value, value, selected: true })),
      instructions: false,
    });
  }
  if (bot && given.llmProviders === undefined) {
    questions.push({
      type: 'multiselect',
      name: 'llmProviders',
      message: 'LLM providers',
      choices: Object.keys(LLM_PROVIDER_KEYS).map((value) => ({ title: value, value })),
      instructions: false,
    });
  }
  if (bot && given.dashboard === undefined) {
    questions.push({ type: 'confirm', name: 'dashboard', message: 'Add the web dashboard?', initial: defaults.dashboard });
  }
  return questions;
}

function validName(value: string): true | string {
  try {
    checkProjectName(value);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The command-line flag of an answer. */
function flagOf(answer: string): string {
  return (
    {
      name: 'name (the directory argument)',
      packageManager: 'package-manager',
      examplePlugins: 'plugins',
      llmProviders: 'llm',
      dashboard: 'dashboard / --no-dashboard',
    }[answer] ?? answer
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
