import type { Answers, TemplateName } from '../answers.js';

/** A project's package.json while it is being written. */
export interface ProjectPackage {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** What an installer works on: the copied project and its package.json, written after every installer ran. */
export interface FeatureContext {
  readonly dir: string;
  readonly answers: Answers;
  readonly pkg: ProjectPackage;
}

/** An optional part of a template, added or removed by its installer according to the answers. */
export interface Feature {
  readonly name: string;
  readonly templates: readonly TemplateName[];
  install(context: FeatureContext): Promise<void>;
}
