import { defineWebPlugin } from '@baseline/web-kit';

// The dashboard entry (`baseline.web` in package.json): only the dashboard imports it, lazily. Each page is
// its own chunk, fetched when it opens.
export default defineWebPlugin({
  routes: [{ path: '/guilds/$guildId/notes', component: () => import('./web/notes-page.js') }],
  navItems: [{ label: 'Notes', to: '/guilds/$guildId/notes' }],
});
