// Loading and validating the environment.
export { loadConfig, type LoadConfigOptions } from './load-config.js';
export { ConfigError, type ConfigIssue } from './config-error.js';
export { PRODUCTION_REQUIRED_VARIABLES, type BaselineConfig, type LogFileConfig } from './baseline-config.js';
export { secretsOf } from './secrets-of.js';
// A StatefulSet pod's shard range (POD_ORDINAL, SHARDS_PER_POD).
export { shardIdsForPod } from './pod-shards.js';
// Plugins' own variables.
export { defineConfigExtension, type AnyConfigExtension, type ConfigExtension } from './config-extension.js';
// The variable table and its value types.
export { ENV_VARIABLES, LOG_LEVELS, NODE_ENVS, type EnvVariable, type EnvVariableName, type LogLevel, type NodeEnv } from './env-variables.js';
// The one list of LLM provider ids.
export { isLlmProvider, LLM_PRICING_VERSION_KEY, LLM_PROVIDERS, type LlmProvider } from './llm-providers.js';
// Discord gateway intents.
export {
  DISCORD_INTENT_ALIASES,
  DISCORD_INTENT_BITS,
  DISCORD_INTENT_NAMES,
  discordIntentsBitfield,
  resolveDiscordIntent,
  type DiscordIntentName,
} from './discord-intents.js';
