import { definePlugin } from '@baseline/core';
import { deleteReferenceUserData } from './delete-user-data.js';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import { AskCog } from './ask-cog.js';
import { ImagineCog } from './imagine-cog.js';
import { SummarizeCog } from './summarize-cog.js';
import { Wave } from './wave.entity.js';
import { referenceMigrations } from './migrations/index.js';
import { ReferenceCog } from './reference-cog.js';
import { referenceSettings } from './settings.js';
import { referenceStorage } from './storage.js';
import { registerWavesRoute } from './waves-route.js';

export { AskCog } from './ask-cog.js';
export { ImagineCog } from './imagine-cog.js';
export { SummarizeCog, channelSummarySchema } from './summarize-cog.js';
export { ReferenceCog } from './reference-cog.js';
export { referenceStorage } from './storage.js';
export { referenceSettings } from './settings.js';
export { Wave } from './wave.entity.js';
export { wavesResponse } from './waves-route.js';
export { referenceMigrations } from './migrations/index.js';

/** The reference plugin: what the bot and the API import through the `baseline.entry` manifest field. */
export default definePlugin({
  id: 'reference',
  name: 'Reference plugin',
  version: '0.1.0',
  description:
    'Uses every plugin feature: a command reading settings, a listener, a button, storage, its own table, an LLM answer streamed into Discord, a structured channel summary, a generated image, scheduled tasks, toggles, translations and user-data deletion',
  cogs: [ReferenceCog, AskCog, SummarizeCog, ImagineCog],
  settings: referenceSettings,
  storage: referenceStorage,
  // Per-guild toggles: every guild starts with the plugin on and /remind on; the dashboard can switch either off.
  toggles: { enabled: true, commands: { remind: true } },
  entities: [Wave],
  migrations: referenceMigrations,
  // MessageContent for /summarize, which still checks at run time (DISCORD_INTENTS may leave it out).
  intents: ['GuildMembers', 'MessageContent'],
  // The `reference` i18next namespace: replies through this.t(...), command localizations from `commands.*`.
  locales: { en, fr },
  deleteUserData: deleteReferenceUserData,
  routes: (host) => registerWavesRoute(host),
  setup: ({ logger }) => logger.info('reference plugin set up'),
  ready: ({ logger }) => logger.info('reference plugin ready'),
  shutdown: ({ logger }) => logger.info('reference plugin shutting down'),
});
