import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { AnySelectMenuInteraction, ButtonInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { ComponentDefinition, ModalDefinition } from '../cog-handlers.js';
import type { HandlerOwner, HandlerRunner } from '../../runtime/handler-runner.js';

type HandlerPieceClass = new (context: InteractionHandler.LoaderContext, options: InteractionHandler.Options) => InteractionHandler;

const TYPES = {
  button: InteractionHandlerTypes.Button,
  select: InteractionHandlerTypes.SelectMenu,
  any: InteractionHandlerTypes.MessageComponent,
} as const;

/** The segments after `prefix` when `customId` is `prefix` or starts with `prefix:`, else `undefined`. */
export function routeCustomId(customId: string, prefix: string): string[] | undefined {
  if (customId === prefix) return [];
  return customId.startsWith(`${prefix}:`) ? customId.slice(prefix.length + 1).split(':') : undefined;
}

/** A Sapphire interaction handler piece routing components or modals by custom id prefix to a cog. */
export function createInteractionHandlerPiece(
  definition: ComponentDefinition | ModalDefinition,
  owner: HandlerOwner,
  runner: HandlerRunner,
): HandlerPieceClass {
  const type = definition.kind === 'modal' ? InteractionHandlerTypes.ModalSubmit : TYPES[definition.type ?? 'any'];
  return class CogInteractionHandler extends InteractionHandler {
    constructor(context: InteractionHandler.LoaderContext, options: InteractionHandler.Options) {
      super(context, { ...options, interactionHandlerType: type });
    }
    override parse(interaction: Interaction) {
      if (!('customId' in interaction)) return this.none();
      const args = routeCustomId(interaction.customId, definition.customId);
      return args === undefined ? this.none() : this.some(args);
    }
    override async run(interaction: ButtonInteraction | AnySelectMenuInteraction | ModalSubmitInteraction, args: string[]) {
      await runner.interaction(owner, interaction, definition.kind, (context) =>
        (definition.run as (value: typeof interaction, routed: unknown) => unknown)(interaction, { ...context, args }),
      );
    }
  };
}
