import { definePlugin } from '@baseline/core';
import { notesMigrations } from './migrations/index.js';
import { NotesCog } from './notes-cog.js';
import { notesSettings } from './settings.js';

export { NotesCog } from './notes-cog.js';
export { notesMigrations } from './migrations/index.js';
export { notesSettings } from './settings.js';

/** The plugin: what a bot imports through the `baseline.entry` field of package.json. */
export default definePlugin({
  id: 'notes',
  name: 'Notes',
  version: '0.1.0',
  description: 'Personal notes per server, kept in the plugin’s own table',
  cogs: [NotesCog],
  settings: notesSettings,
  migrations: notesMigrations,
  permissions: ['SendMessages'],
});
