// What the browser-mode project's global setup (provide-settings-schema.ts) hands the page tests.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** `GET /api/v1/settings/schema`'s body for the `welcome` and `moderation` namespaces (core's own export). */
    settingsSchema: Record<string, unknown>;
  }
}
