import type { ClientEvents } from 'discord.js';
import type { ComponentDefinition, ContextMenuDefinition, ListenerDefinition, ModalDefinition, SlashCommandDefinition } from './cog-handlers.js';

/**
 * Declares a slash command of a cog. With `guildOnly: true` its handlers get a guild interaction (`guildId` is a
 * string).
 *
 * @example
 * ```ts
 * slashCommand({
 *   data: new SlashCommandBuilder().setName('greet').setDescription('Say hello'),
 *   cooldown: { durationMs: 5_000 },
 *   run: (interaction) => interaction.reply('Hello!'),
 * })
 * ```
 */
export function slashCommand<const GuildOnly extends boolean = false>(
  definition: Omit<SlashCommandDefinition<GuildOnly>, 'kind'>,
): SlashCommandDefinition<GuildOnly> {
  return { ...definition, kind: 'slash' };
}

/**
 * Declares a user or message context-menu command.
 *
 * @example
 * ```ts
 * contextMenu({
 *   data: new ContextMenuCommandBuilder().setName('Profile').setType(ApplicationCommandType.User),
 *   run: (interaction) => interaction.reply({ content: interaction.targetId, flags: MessageFlags.Ephemeral }),
 * })
 * ```
 */
export function contextMenu<const GuildOnly extends boolean = false>(
  definition: Omit<ContextMenuDefinition<GuildOnly>, 'kind'>,
): ContextMenuDefinition<GuildOnly> {
  return { ...definition, kind: 'context-menu' };
}

/**
 * Declares a discord.js client event listener; the handler gets the event's arguments then a context.
 *
 * @example
 * ```ts
 * listener('guildMemberAdd', async (member, { logger }) => logger.info({ user_id: member.id }, 'joined'))
 * ```
 */
export function listener<Event extends keyof ClientEvents>(
  event: Event,
  run: ListenerDefinition<Event>['run'],
  options: { once?: boolean } = {},
): ListenerDefinition {
  return { kind: 'listener', event, run, ...options } as unknown as ListenerDefinition;
}

/**
 * Declares a button or select-menu handler routed by custom id prefix.
 *
 * @example
 * ```ts
 * component({ customId: 'greeter-wave', type: 'button', run: (interaction, { args }) => interaction.update({ content: args[0] }) })
 * ```
 */
export function component(definition: Omit<ComponentDefinition, 'kind'>): ComponentDefinition {
  return { ...definition, kind: 'component' };
}

/**
 * Declares a modal submit handler routed by custom id prefix.
 *
 * @example
 * ```ts
 * modal({ customId: 'greeter-form', run: (interaction) => interaction.reply(interaction.fields.getTextInputValue('text')) })
 * ```
 */
export function modal(definition: Omit<ModalDefinition, 'kind'>): ModalDefinition {
  return { ...definition, kind: 'modal' };
}
