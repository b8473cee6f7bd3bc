import { createCorrelationId, withLogContext } from '@baseline/core';
import type { Interaction } from 'discord.js';
import type { Logger } from '@baseline/core';
import { interactionChannel, type InteractionObservation } from '../metrics/channels.js';
import type { HandlerContext } from '../cogs/cog-handlers.js';
import type { BotLocalization } from '../i18n/bot-localization.js';
import { withLocale } from '../i18n/interaction-locale.js';
import type { InFlight } from './in-flight.js';
import { replyEphemeral } from './reply-ephemeral.js';

/** Who owns a handler: named in its log context and in error logs. */
export interface HandlerOwner {
  readonly pluginId: string | undefined;
  readonly cogName: string;
  /** Bound to plugin and cog: for logging outside a handler's log context. */
  readonly logger: Logger;
  /** Without those bindings: inside a handler the log context already adds plugin and cog. */
  readonly contextLogger: Logger;
}

/** What users read when something goes wrong or the bot is going down. */
export interface BotMessages {
  /** The ephemeral reply when a handler throws; gets the correlation id. */
  error(correlationId: string): string;
  /** The ephemeral reply to interactions arriving during shutdown. */
  restarting: string;
  /** The ephemeral reply to a command no loaded cog handles (unloaded, or its plugin failed to load). */
  unavailable: string;
  /** The ephemeral reply when a command check says no without a message of its own. */
  denied: string;
  /** The ephemeral reply during a cooldown; gets the seconds left. */
  cooldown(seconds: number): string;
  /** The ephemeral reply to a command disabled in the guild (per-guild toggles). */
  disabled: string;
}

export const DEFAULT_BOT_MESSAGES: BotMessages = {
  error: (correlationId) => `Something went wrong while handling this. Reference: \`${correlationId}\``,
  restarting: 'The bot is restarting; please try again in a moment.',
  unavailable: 'This command is not available right now.',
  denied: 'You cannot use this command here.',
  cooldown: (seconds) => `This command is on cooldown; try again in ${seconds} s.`,
  disabled: 'This command is disabled here.',
};

/**
 * Runs cog handlers: inside a log context (guild, user, correlation id, plugin, cog) and the interaction's locale
 * (for `this.t`), counted as in flight, with errors logged and answered with an ephemeral message (in that locale)
 * instead of escaping.
 */
export class HandlerRunner {
  constructor(private readonly options: { inFlight: InFlight; isStopping: () => boolean; localization: BotLocalization }) {}

  /** Runs an interaction handler; during shutdown answers "restarting" instead. */
  async interaction(owner: HandlerOwner, interaction: Interaction, kind: string, fn: (context: HandlerContext) => unknown): Promise<void> {
    const started = performance.now();
    const observe = (outcome: InteractionObservation['outcome']) => {
      if (!interactionChannel.hasSubscribers) return;
      const command = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : '';
      interactionChannel.publish({ kind, command, outcome, seconds: (performance.now() - started) / 1000 } satisfies InteractionObservation);
    };
    const locale = await this.options.localization.localeOf(interaction);
    const messages = this.options.localization.messages(locale);
    if (this.options.isStopping()) {
      await replyEphemeral(interaction, messages.restarting);
      observe('refused');
      return;
    }
    const correlationId = createCorrelationId();
    const fields = {
      guild_id: interaction.guildId ?? undefined,
      user_id: interaction.user.id,
      correlation_id: correlationId,
      plugin: owner.pluginId,
      cog: owner.cogName,
    };
    await this.options.inFlight.run(() =>
      withLogContext(fields, () =>
        withLocale(locale, async () => {
          try {
            await fn({ correlationId, logger: owner.contextLogger });
            observe('ok');
          } catch (error) {
            owner.contextLogger.error({ err: error, kind, interaction_id: interaction.id }, `${kind} handler failed`);
            await replyEphemeral(interaction, messages.error(correlationId));
            observe('error');
          }
        }),
      ),
    );
  }

  /** Runs an event listener; errors are logged and swallowed. */
  async event(owner: HandlerOwner, event: string, args: readonly unknown[], fn: (context: HandlerContext) => unknown): Promise<void> {
    const correlationId = createCorrelationId();
    const fields = { ...idsOf(args[0]), correlation_id: correlationId, plugin: owner.pluginId, cog: owner.cogName };
    await this.options.inFlight.run(() =>
      withLogContext(fields, async () => {
        try {
          await fn({ correlationId, logger: owner.contextLogger });
        } catch (error) {
          owner.contextLogger.error({ err: error, event }, 'listener failed');
        }
      }),
    );
  }
}

/** Guild and user ids of an event's first argument, when it has them (messages, members, guilds, …). */
function idsOf(value: unknown): { guild_id?: string; user_id?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as { guildId?: unknown; guild?: { id?: unknown }; author?: { id?: unknown }; user?: { id?: unknown } };
  const guild = typeof record.guildId === 'string' ? record.guildId : typeof record.guild?.id === 'string' ? record.guild.id : undefined;
  const user = typeof record.author?.id === 'string' ? record.author.id : typeof record.user?.id === 'string' ? record.user.id : undefined;
  return { ...(guild === undefined ? {} : { guild_id: guild }), ...(user === undefined ? {} : { user_id: user }) };
}
