/** Names of the preconditions the bot registers for cog commands. */
export const CHECK_PRECONDITION = 'BaselineCheck';
export const COOLDOWN_PRECONDITION = 'BaselineCooldown';
export const TOGGLE_PRECONDITION = 'BaselineToggle';
