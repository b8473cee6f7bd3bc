import { defineSettings, type InferSettings } from '@baseline/core';
import { z } from 'zod';
import { LLM_PROVIDERS, type LlmProvider } from '../types/provider-name.js';

/** The settings namespace of the LLM service: one per guild, edited in the dashboard or with `/settings`. */
export const LLM_SETTINGS_NAMESPACE = 'llm';

/** A model as guilds choose it: `provider:model`, e.g. `openai:gpt-5.4-mini`. */
const guildModel = z
  .string()
  .max(120)
  .regex(new RegExp(`^(${LLM_PROVIDERS.join('|')}):[A-Za-z0-9][\\w.\\-]*$`), 'a model as provider:model, e.g. openai:gpt-5.4-mini');

/** A dollar amount as a decimal string, so no float ever reaches the budget arithmetic. */
const usdAmount = z.string().regex(/^\d{1,7}(\.\d{1,6})?$/, 'a dollar amount such as "2" or "0.50"');

/**
 * Per-guild control of the LLM service. Empty lists allow everything the bot configures; an unset budget
 * falls back to the bot's own `budgets.guild`.
 */
export const llmSettings = defineSettings(
  z.object({
    enabled: z.boolean().default(true).describe('Let this server use AI commands'),
    allowedProviders: z.array(z.enum(LLM_PROVIDERS)).max(LLM_PROVIDERS.length).default([]).describe('Providers this server may use (empty: all)'),
    allowedModels: z.array(guildModel).max(50).default([]).describe('Models this server may use, as provider:model (empty: all)'),
    defaultModel: guildModel.optional().describe('The model used when a command does not choose one'),
    dailyBudgetUsd: usdAmount.optional().describe('Spending limit per UTC day, in USD'),
    monthlyBudgetUsd: usdAmount.optional().describe('Spending limit per UTC month, in USD'),
  }),
  { title: 'AI', description: 'Which AI models this server may use and how much it may spend.' },
);

/** A guild's LLM settings. */
export type LlmGuildSettings = InferSettings<typeof llmSettings>;

declare module '@baseline/core' {
  interface BaselineSettings {
    llm: LlmGuildSettings;
  }
}

/** Splits `provider:model` into its parts. */
export function parseGuildModel(value: string): { provider: LlmProvider; model: string } {
  const colon = value.indexOf(':');
  return { provider: value.slice(0, colon) as LlmProvider, model: value.slice(colon + 1) };
}
