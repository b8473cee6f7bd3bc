import { z } from 'zod';

/** The pub/sub channel (under the key-value prefix) on which every settings write is announced. */
export const SETTINGS_CHANGED_CHANNEL = 'settings:changed';

/** The key-value counter holding the version of a guild's namespace, raised by every write. */
export function settingsVersionKey(guildId: string, namespace: string): string {
  return `settings:version:${guildId}:${namespace}`;
}

/** What every process hears after a settings write. */
export interface SettingsChangeMessage {
  guildId: string;
  namespace: string;
  /** Raised by one on every write of this guild's namespace, in any process. */
  version: number;
  /** The Discord user who made the change, when known. */
  actorUserId?: string | undefined;
  /** Identifies the registry that wrote, so it can ignore its own announcement. */
  origin: string;
}

const messageSchema = z.object({
  guildId: z.string(),
  namespace: z.string(),
  version: z.number(),
  actorUserId: z.string().optional(),
  origin: z.string(),
});

/** Parses an announcement; `undefined` for anything malformed. */
export function parseSettingsChange(message: string): SettingsChangeMessage | undefined {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What {@link SettingsRegistry.onChange} listeners receive. */
export interface SettingsChange {
  guildId: string;
  namespace: string;
  version: number;
  actorUserId: string | undefined;
  /** `local` for writes by this registry, `remote` for writes announced by another process. */
  source: 'local' | 'remote';
}
