const DISCORD_ORIGINS = ['https://discord.com', 'https://discordapp.com', 'https://canary.discord.com', 'https://ptb.discord.com'];

/**
 * Makes the global `fetch` send requests for `https://discord.com/api/...` (and the discordapp/canary/ptb
 * origins) to the emulator instead, for libraries that hard-code Discord's URL (e.g. plugin-api's OAuth
 * routes). Other URLs pass through. Returns a function that restores the previous `fetch`.
 *
 * It does not affect @discordjs/rest (which uses undici's `request`; give the client `rest.api` instead) nor
 * browsers redirected to `/oauth2/authorize`.
 *
 * @param emulatorUrl - the emulator's `url` (`http://127.0.0.1:PORT`).
 * @example
 * ```ts
 * const restore = redirectDiscordFetch(emulator.url);
 * try { await fetch('https://discord.com/api/v10/users/@me', { headers }); } finally { restore(); }
 * ```
 */
export function redirectDiscordFetch(emulatorUrl: string): () => void {
  const original = globalThis.fetch;
  const target = emulatorUrl.replace(/\/$/, '');
  const rewrite = (url: string): string => {
    for (const origin of DISCORD_ORIGINS) {
      if (url === origin || url.startsWith(`${origin}/`)) return target + url.slice(origin.length);
    }
    return url;
  };
  const redirected: typeof fetch = (input, init) => {
    if (typeof input === 'string') return original(rewrite(input), init);
    if (input instanceof URL) return original(rewrite(input.toString()), init);
    const rewritten = rewrite(input.url);
    return original(rewritten === input.url ? input : new Request(rewritten, input), init);
  };
  globalThis.fetch = redirected;
  return () => {
    if (globalThis.fetch === redirected) globalThis.fetch = original;
  };
}
