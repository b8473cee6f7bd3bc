// Answers: what a project is made of.
export {
  defaultAnswers,
  detectPackageManager,
  EXAMPLE_PLUGINS,
  LLM_PROVIDER_KEYS,
  PACKAGE_MANAGERS,
  TEMPLATES,
  type Answers,
  type ExamplePlugin,
  type LlmProviderChoice,
  type PackageManager,
  type TemplateName,
} from './answers.js';
export { askAnswers, type AskOptions, type GivenAnswers } from './ask.js';
// Writing a project.
export { scaffold, TEMPLATES_DIR, type ScaffoldOptions } from './scaffold.js';
export { FEATURES, type Feature, type FeatureContext, type ProjectPackage } from './features/index.js';
export { initGit, installDependencies } from './install.js';
export { BASELINE_RANGE, DEPENDENCY_VERSIONS, SCAFFOLDER_VERSION } from './versions.js';
// Errors and the command.
export { CREATE_ERROR_CODES, CreateError, type CreateErrorCode } from './create-error.js';
export { createProgram } from './program.js';
