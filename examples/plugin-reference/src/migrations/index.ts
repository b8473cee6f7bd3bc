import { CreateWaves } from './0001-create-waves.js';

/** The plugin's migrations, oldest first; names never change once released. */
export const referenceMigrations = [{ name: '0001_create_waves', class: CreateWaves }];
