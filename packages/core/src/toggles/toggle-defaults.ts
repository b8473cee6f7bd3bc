import { z } from 'zod';

/**
 * A plugin's per-guild toggle defaults, declared with `definePlugin({ toggles })`: what a guild gets until someone
 * with access changes it on the dashboard or through the API.
 *
 * @example
 * ```ts
 * definePlugin({ id: 'fun', …, toggles: { enabled: true, commands: { roulette: false } } })
 * ```
 */
export interface ToggleDefaults {
  /**
   * Whether the plugin is enabled in a guild that never toggled it.
   * @default true
   */
  enabled?: boolean;
  /** Per command (by name): whether it is enabled by default. Commands left out are enabled. */
  commands?: Readonly<Record<string, boolean>>;
}

/** The runtime check of {@link ToggleDefaults} inside `definePlugin`. */
export const toggleDefaultsSchema = z.object({ enabled: z.boolean().optional(), commands: z.record(z.string(), z.boolean()).optional() }).strict();
