import { CreateNotes } from './0001-create-notes.js';

/** The plugin's migrations, oldest first; names never change once released. */
export const notesMigrations = [{ name: '0001_create_notes', class: CreateNotes }];
