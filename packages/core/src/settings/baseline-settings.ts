/**
 * The settings namespaces known at compile time, each mapped to its settings type. Plugins add theirs by
 * declaration merging, which types `settings.get(guildId, '<namespace>')`:
 *
 * @example
 * ```ts
 * export const settings = defineSettings(z.object({ greeting: z.string().default('Hi') }));
 * declare module '@baseline/core' {
 *   interface BaselineSettings {
 *     welcome: InferSettings<typeof settings>;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface BaselineSettings {}

/** The type of a namespace's settings: the declared type when merged into {@link BaselineSettings}. */
export type SettingsOf<Namespace extends string> = Namespace extends keyof BaselineSettings ? BaselineSettings[Namespace] : Record<string, unknown>;

/** Every namespace of a guild, as returned by `getAll`. */
export type AllSettings = { [Namespace in keyof BaselineSettings]?: BaselineSettings[Namespace] } & Record<string, Record<string, unknown>>;
