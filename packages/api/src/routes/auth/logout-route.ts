import { clearSessionCookies } from '../../auth/auth-cookies.js';
import { unseal } from '../../auth/discord-tokens.js';
import { defineRoute } from '../../http/define-route.js';

export const logoutRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout',
  summary: 'End the session on every instance and revoke the Discord grant',
  tags: ['auth'],
  access: 'user',
  rateLimit: false,
  responses: { 204: null },
  async handler({ api, caller, reply, request }) {
    await api.sessions.destroy(caller.sessionId);
    clearSessionCookies(reply, api.options);
    try {
      await api.discord.revoke(unseal(caller.session.tokens, api.cipher).refreshToken);
    } catch (error) {
      request.log.warn({ err: error }, 'revoking the Discord grant failed; the session is gone anyway');
    }
  },
});
