import { LimitedCollection } from 'discord.js';

/**
 * The one empty cache of the process: a `LimitedCollection` of size 0 drops every entry it is given, so one
 * instance serves every manager limited to 0 (presences, bans, stickers, … of every guild) and stands in for
 * empty lazy collections. Frozen so that its limit cannot be raised.
 */
export const emptyCollection: LimitedCollection<unknown, unknown> = Object.freeze(new LimitedCollection<unknown, unknown>({ maxSize: 0 }));
