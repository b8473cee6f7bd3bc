import type { CommandInteraction } from 'discord.js';
import type { CommandCheck, CooldownOptions } from '../cog-handlers.js';
import type { HandlerOwner } from '../../runtime/handler-runner.js';

/** Names of the preconditions the bot registers for cog commands. */
export const CHECK_PRECONDITION = 'BaselineCheck';
export const COOLDOWN_PRECONDITION = 'BaselineCooldown';
export const TOGGLE_PRECONDITION = 'BaselineToggle';

// Type aliases rather than interfaces: Sapphire's precondition context is a record, and only an alias is
// assignable to one.
/** What the check precondition of a command carries: the cog's checks and who owns them. */
export type CheckPreconditionContext = { checks: readonly CommandCheck<CommandInteraction>[]; owner: HandlerOwner };
/** What the cooldown precondition of a command carries. */
export type CooldownPreconditionContext = { cooldown: CooldownOptions; command: string };
/** What the toggle precondition of a plugin's command carries. */
export type TogglePreconditionContext = { pluginId: string; command: string };

// Sapphire types `preconditions.append({ name, context })` through this interface, its documented extension point.
declare module '@sapphire/framework' {
  interface Preconditions {
    [CHECK_PRECONDITION]: CheckPreconditionContext;
    [COOLDOWN_PRECONDITION]: CooldownPreconditionContext;
    [TOGGLE_PRECONDITION]: TogglePreconditionContext;
  }
}
