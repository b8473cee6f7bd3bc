// The reference plugin's dashboard entry (`"web"` in its package.json manifest). Only the dashboard imports it;
// the page itself loads when opened, as a chunk of its own.
import { defineWebPlugin } from '@baseline/web-kit';

export default defineWebPlugin({
  id: 'reference',
  routes: [{ path: '/guilds/$guildId/reference', title: 'Waves', load: () => import('./waves-page.js') }],
  navItems: [{ label: 'Waves', to: '/guilds/$guildId/reference' }],
});
