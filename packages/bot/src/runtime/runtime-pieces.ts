import { createCorrelationId, type KeyValueStore, type ToggleRegistry } from '@baseline/core';
import { Events, Listener, Precondition, type UserError } from '@sapphire/framework';
import type { ChatInputCommandInteraction, CommandInteraction, ContextMenuCommandInteraction, Interaction } from 'discord.js';
import type { CooldownScope } from '../cogs/cog-handlers.js';
import {
  CHECK_PRECONDITION,
  COOLDOWN_PRECONDITION,
  TOGGLE_PRECONDITION,
  type CheckPreconditionContext,
  type CooldownPreconditionContext,
  type TogglePreconditionContext,
} from '../cogs/pieces/precondition-names.js';
import type { BotLocalization } from '../i18n/bot-localization.js';
import { isCommandEnabled } from '../toggles/check-command-toggle.js';
import { replyEphemeral } from './reply-ephemeral.js';
import type { StorePiece } from './sapphire-stores.js';

/** The preconditions and listeners cog commands rely on: custom checks, kv cooldowns, denial replies (localized). */
export function createRuntimePieces({
  kv,
  toggles,
  localization,
}: {
  kv: KeyValueStore;
  toggles: ToggleRegistry;
  localization: BotLocalization;
}): StorePiece[] {
  const messagesFor = async (interaction: CommandInteraction) => localization.messages(await localization.localeOf(interaction));

  /**
   * A precondition of slash and context-menu commands alike. `Context` is what the command appended it with (typed
   * by the `Preconditions` names in precondition-names.ts); Sapphire hands it back unchanged.
   */
  abstract class CommandPrecondition<Context extends Precondition.Context> extends Precondition {
    protected abstract decide(interaction: CommandInteraction, context: Context): Precondition.Result;
    override chatInputRun(interaction: ChatInputCommandInteraction, _command: unknown, context: Context) {
      return this.decide(interaction, context);
    }
    override contextMenuRun(interaction: ContextMenuCommandInteraction, _command: unknown, context: Context) {
      return this.decide(interaction, context);
    }
  }

  class CheckPrecondition extends CommandPrecondition<CheckPreconditionContext> {
    protected async decide(interaction: CommandInteraction, { checks, owner }: CheckPreconditionContext) {
      for (const check of checks) {
        let outcome: boolean | string;
        try {
          outcome = await check(interaction);
        } catch (error) {
          const correlationId = createCorrelationId();
          owner.contextLogger.error({ err: error, correlation_id: correlationId, plugin: owner.pluginId, cog: owner.cogName }, 'command check failed');
          return this.error({ message: (await messagesFor(interaction)).error(correlationId) });
        }
        if (outcome !== true) return this.error({ message: typeof outcome === 'string' ? outcome : (await messagesFor(interaction)).denied });
      }
      return this.ok();
    }
  }

  class CooldownPrecondition extends CommandPrecondition<CooldownPreconditionContext> {
    protected async decide(interaction: CommandInteraction, { cooldown, command }: CooldownPreconditionContext) {
      const key = `cooldown:${command}:${cooldownSubject(interaction, cooldown.scope ?? 'user')}`;
      const ms = Math.round(cooldown.durationMs);
      if (await kv.setIfAbsent(key, '1', ms)) return this.ok();
      const remaining = (await kv.ttl(key)) ?? ms;
      const seconds = Math.max(1, Math.ceil(remaining / 1000));
      return this.error({ message: (await messagesFor(interaction)).cooldown(seconds), context: { remaining } });
    }
  }

  class TogglePrecondition extends CommandPrecondition<TogglePreconditionContext> {
    protected async decide(interaction: CommandInteraction, context: TogglePreconditionContext) {
      if (await isCommandEnabled(toggles, interaction, context)) return this.ok();
      return this.error({ message: (await messagesFor(interaction)).disabled });
    }
  }

  const deniedListener = (event: string) =>
    class DeniedListener extends Listener {
      constructor(context: Listener.LoaderContext, options: Listener.Options) {
        super(context, { ...options, event });
      }
      override async run(error: UserError, payload: { interaction: CommandInteraction }) {
        await replyEphemeral(payload.interaction as Interaction, error.message);
      }
    };

  // A command Discord still lists but no loaded cog handles (unloaded, or its plugin was skipped).
  const unknownListener = (event: string) =>
    class UnknownCommandListener extends Listener {
      constructor(context: Listener.LoaderContext, options: Listener.Options) {
        super(context, { ...options, event });
      }
      override async run({ interaction }: { interaction: CommandInteraction }) {
        await replyEphemeral(interaction as Interaction, (await messagesFor(interaction)).unavailable);
      }
    };

  return [
    { store: 'listeners', name: 'BaselineUnknownChatInput', piece: unknownListener(Events.UnknownChatInputCommand) },
    { store: 'listeners', name: 'BaselineUnknownContextMenu', piece: unknownListener(Events.UnknownContextMenuCommand) },
    { store: 'preconditions', name: CHECK_PRECONDITION, piece: CheckPrecondition },
    { store: 'preconditions', name: TOGGLE_PRECONDITION, piece: TogglePrecondition },
    { store: 'preconditions', name: COOLDOWN_PRECONDITION, piece: CooldownPrecondition },
    { store: 'listeners', name: 'BaselineChatInputDenied', piece: deniedListener(Events.ChatInputCommandDenied) },
    { store: 'listeners', name: 'BaselineContextMenuDenied', piece: deniedListener(Events.ContextMenuCommandDenied) },
  ];
}

function cooldownSubject(interaction: CommandInteraction, scope: CooldownScope): string {
  switch (scope) {
    case 'guild':
      return `guild:${interaction.guildId ?? `dm:${interaction.user.id}`}`;
    case 'channel':
      return `channel:${interaction.channelId}`;
    case 'member':
      return `member:${interaction.guildId ?? 'dm'}:${interaction.user.id}`;
    case 'user':
      return `user:${interaction.user.id}`;
  }
}
