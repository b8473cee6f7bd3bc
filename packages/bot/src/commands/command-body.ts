import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { CommandDefinition } from '../cogs/cog-handlers.js';

/** The JSON body Discord receives for a command definition (builders are serialized). */
export function commandBody(definition: CommandDefinition): RESTPostAPIApplicationCommandsJSONBody {
  const data = definition.data as RESTPostAPIApplicationCommandsJSONBody | { toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  return 'toJSON' in data && typeof data.toJSON === 'function' ? data.toJSON() : (data as RESTPostAPIApplicationCommandsJSONBody);
}
