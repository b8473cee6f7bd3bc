import { defineRoute } from '../../http/define-route.js';
import { meSchema } from './auth-schemas.js';

export const meRoute = defineRoute({
  method: 'GET',
  url: '/auth/me',
  summary: 'The signed-in user, the guilds they can open, and whether they are on the developer team',
  tags: ['auth'],
  access: 'user',
  responses: { 200: meSchema },
  async handler({ api, caller }) {
    const { user, csrfToken } = caller.session;
    return {
      user: { id: user.id, username: user.username, global_name: user.globalName, avatar: user.avatar },
      is_developer: caller.isDeveloper,
      csrf_token: csrfToken,
      guilds: await api.accessibleGuilds.read(user.id, caller.isDeveloper),
    };
  },
});
