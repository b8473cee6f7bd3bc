import { defineStorage } from '@baseline/core';

/** Per-guild state of the reference plugin, kept without a migration: how many members joined. */
export const referenceStorage = defineStorage({ joins: 0 });
