/** The templates a project can start from. */
export const TEMPLATES = ['bot', 'plugin'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export const PACKAGE_MANAGERS = ['npm', 'pnpm'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** The example plugins the bot template ships in src/plugins/ besides its own greeter. */
export const EXAMPLE_PLUGINS = ['counter'] as const;
export type ExamplePlugin = (typeof EXAMPLE_PLUGINS)[number];

/** The LLM providers `@baseline/llm` speaks to, with the variable holding each key. */
export const LLM_PROVIDER_KEYS = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GOOGLE_API_KEY',
  xai: 'XAI_API_KEY',
} as const;
export type LlmProviderChoice = keyof typeof LLM_PROVIDER_KEYS;

/** Everything the scaffolder needs to know; each field is asked once, or given by its flag. */
export interface Answers {
  /** The project's folder name and package name. */
  name: string;
  template: TemplateName;
  packageManager: PackageManager;
  /** Bot template only. */
  examplePlugins: ExamplePlugin[];
  /** Bot template only. */
  llmProviders: LlmProviderChoice[];
  /** Bot template only: keep the `web/` dashboard app. */
  dashboard: boolean;
}

/** The package manager that ran the scaffolder (`pnpm create baseline-bot`), else npm. */
export function detectPackageManager(userAgent = process.env['npm_config_user_agent'] ?? ''): PackageManager {
  return userAgent.startsWith('pnpm/') ? 'pnpm' : 'npm';
}

/** The answers `--yes` takes for whatever no flag gave. */
export function defaultAnswers(template: TemplateName): Answers {
  return {
    name: template === 'plugin' ? 'my-plugin' : 'my-bot',
    template,
    packageManager: detectPackageManager(),
    examplePlugins: [...EXAMPLE_PLUGINS],
    llmProviders: [],
    dashboard: true,
  };
}
