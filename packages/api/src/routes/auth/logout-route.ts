import { deleteUserOAuthGrant } from '@baseline/core';
import { clearSessionCookies } from '../../auth/auth-cookies.js';
import { unseal } from '../../auth/discord-tokens.js';
import { defineRoute } from '../../http/define-route.js';

export const logoutRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout',
  summary: 'End the session on every instance and revoke the Discord grant',
  description: 'Also deletes the Discord grant the API stored for editing command permissions, if any.',
  tags: ['auth'],
  access: 'user',
  rateLimit: false,
  responses: { 204: null },
  async handler({ api, caller, reply, request }) {
    await api.sessions.destroy(caller.sessionId);
    await deleteUserOAuthGrant(api.services.db, caller.userId);
    clearSessionCookies(reply, api.options);
    try {
      await api.discord.revoke(unseal(caller.session.tokens, api.cipher).refreshToken);
    } catch (error) {
      request.log.warn({ err: error }, 'revoking the Discord grant failed; the session is gone anyway');
    }
  },
});
