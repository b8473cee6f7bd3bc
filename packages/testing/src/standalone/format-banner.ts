import type { StandaloneEmulator } from './start-standalone-emulator.js';

/**
 * The lines `baseline-emulator` prints once it is up: one `label  value` pair per line, so scripts can
 * parse them (`/^\s*REST\s+(\S+)/m`).
 */
export function formatBanner(standalone: StandaloneEmulator): string {
  const rows: [string, string][] = [
    ['REST', standalone.urls.rest],
    ['Gateway', standalone.urls.gateway],
    ['OAuth2', standalone.urls.oauthAuthorize],
    ['Web page', standalone.urls.page],
    ['Bot token', standalone.botToken],
    ['Application id', standalone.applicationId],
    ['Client secret', standalone.clientSecret],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    'Baseline Discord emulator is running.',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    'discord.js: new Client({ intents, rest: { api: REST } }) then client.login(BOT_TOKEN).',
    'Press Ctrl+C to stop.',
  ].join('\n');
}
