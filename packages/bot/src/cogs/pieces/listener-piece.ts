import { Listener } from '@sapphire/framework';
import type { ListenerDefinition } from '../cog-handlers.js';
import type { HandlerOwner, HandlerRunner } from '../../runtime/handler-runner.js';

type ListenerPieceClass = new (context: Listener.LoaderContext, options: Listener.Options) => Listener;

/** A Sapphire listener piece running a cog's event handler through the handler runner. */
export function createListenerPiece(definition: ListenerDefinition, owner: HandlerOwner, runner: HandlerRunner): ListenerPieceClass {
  return class CogListener extends Listener {
    constructor(context: Listener.LoaderContext, options: Listener.Options) {
      super(context, { ...options, event: String(definition.event), once: definition.once ?? false });
    }
    override async run(...args: unknown[]) {
      await runner.event(owner, String(definition.event), args, (context) => (definition.run as (...values: unknown[]) => unknown)(...args, context));
    }
  };
}
