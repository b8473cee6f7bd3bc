import type { UserRecord } from '../state/records.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The emulator's consent screen: one link per emulated user, each approving as that user. */
export function authorizePage(input: {
  appName: string;
  scopes: string[];
  users: UserRecord[];
  approveUrl: (userId: string) => string;
  denyUrl: string;
}): string {
  const items = input.users
    .map(
      (user) =>
        `<li><a data-user-id="${user.id}" href="${escape(input.approveUrl(user.id))}">${escape(user.globalName ?? user.username)} <small>@${escape(user.username)} · ${user.id}</small></a></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize ${escape(input.appName)} · Discord emulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}li{margin:.5rem 0}small{color:#666}</style></head>
<body><h1>${escape(input.appName)} wants to access your account</h1>
<p>Scopes: <code>${escape(input.scopes.join(' '))}</code></p>
<p>Log in as one of the emulated users:</p>
<ul>
${items}
</ul>
<p><a id="deny" href="${escape(input.denyUrl)}">Cancel</a></p>
</body></html>`;
}
