import { Command, CommandOptionsRunTypeEnum } from '@sapphire/framework';
import type { AutocompleteInteraction, ChatInputCommandInteraction, ContextMenuCommandInteraction, Interaction } from 'discord.js';
import type { CommandDefinition, HandlerContext, SlashCommandDefinition } from '../cog-handlers.js';
import type { HandlerOwner, HandlerRunner } from '../../runtime/handler-runner.js';
import { commandBody } from '../../commands/command-body.js';
import { CHECK_PRECONDITION, COOLDOWN_PRECONDITION, TOGGLE_PRECONDITION } from './precondition-names.js';

type CommandPieceClass = new (context: Command.LoaderContext, options: Command.Options) => Command;

/** A Sapphire command piece running a cog's slash or context-menu command through the handler runner. */
export function createCommandPiece(definition: CommandDefinition, owner: HandlerOwner, runner: HandlerRunner): CommandPieceClass {
  const name = commandBody(definition).name;
  class CogCommand extends Command {
    constructor(context: Command.LoaderContext, options: Command.Options) {
      super(context, {
        ...options,
        name,
        // Sapphire lowercases piece names; context-menu names keep their case, so the exact name is an alias.
        aliases: name === name.toLowerCase() ? [] : [name],
        ...(definition.guildOnly ? { runIn: [CommandOptionsRunTypeEnum.GuildAny] } : {}),
        ...(definition.userPermissions === undefined ? {} : { requiredUserPermissions: definition.userPermissions }),
        ...(definition.botPermissions === undefined ? {} : { requiredClientPermissions: definition.botPermissions }),
      });
      // A plugin's command disabled in the guild is refused before any check or cooldown.
      if (owner.pluginId !== undefined) this.preconditions.append({ name: TOGGLE_PRECONDITION, context: { pluginId: owner.pluginId, command: name } });
      // Custom checks and the cooldown run after the built-in preconditions, the cooldown last, so a denied
      // command never starts a cooldown.
      if (definition.checks?.length) this.preconditions.append({ name: CHECK_PRECONDITION, context: { checks: definition.checks, owner } });
      if (definition.cooldown) this.preconditions.append({ name: COOLDOWN_PRECONDITION, context: { cooldown: definition.cooldown, command: name } });
    }
  }
  if (definition.kind === 'context-menu') {
    return class extends CogCommand {
      override async contextMenuRun(interaction: ContextMenuCommandInteraction) {
        await runner.interaction(owner, interaction as Interaction, 'context menu command', (context) => definition.run(interaction, context));
      }
    };
  }
  const slash = class extends CogCommand {
    override async chatInputRun(interaction: ChatInputCommandInteraction) {
      await runner.interaction(owner, interaction, 'command', (context) => runSlash(definition, interaction, context));
    }
  };
  if (definition.autocomplete === undefined) return slash;
  const autocomplete = definition.autocomplete;
  return class extends slash {
    override async autocompleteRun(interaction: AutocompleteInteraction) {
      await runner.interaction(owner, interaction, 'autocomplete', (context) => autocomplete(interaction, context));
    }
  };
}

async function runSlash(definition: SlashCommandDefinition, interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void> {
  if (definition.subcommands !== undefined) {
    const sub = interaction.options.getSubcommand(false);
    const group = interaction.options.getSubcommandGroup(false);
    const handler = sub === null ? undefined : definition.subcommands[group === null ? sub : `${group} ${sub}`];
    if (handler !== undefined) {
      await handler(interaction, context);
      return;
    }
  }
  if (definition.run === undefined) throw new Error(`command "${commandBody(definition).name}" has no handler for this subcommand`);
  await definition.run(interaction, context);
}
