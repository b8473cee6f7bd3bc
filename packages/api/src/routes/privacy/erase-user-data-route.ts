import { eraseUserData, snowflake } from '@baseline/core';
import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';

const counts = z.record(z.string(), z.number().int());

const pluginErasure = z.discriminatedUnion('status', [
  z.object({ plugin: z.string(), status: z.literal('erased'), erased: counts, note: z.string().optional() }),
  z.object({ plugin: z.string(), status: z.literal('failed'), error: z.object({ code: z.string().nullable(), message: z.string() }) }),
  z.object({ plugin: z.string(), status: z.literal('not-compliant') }),
]);

const erasureReport = z.object({
  user_id: z.string(),
  correlation_id: z.string(),
  complete: z.boolean().describe('false when a plugin failed or has no deleteUserData hook'),
  baseline: counts.describe("rows changed in baseline's tables: grants deleted, usage rows anonymised, …"),
  plugins: z.array(pluginErasure),
});

export const eraseUserDataRoute = defineRoute({
  method: 'POST',
  url: '/privacy/users/:user_id/erase',
  summary: "Erase a user's data across baseline and every plugin (developer team)",
  description:
    "Deletes the user's dashboard grants, anonymises their LLM usage rows (cost totals are unchanged) and calls every plugin's deleteUserData hook. Plugins without the hook are reported as not-compliant. Idempotent.",
  tags: ['privacy'],
  access: 'developer',
  params: z.object({ user_id: snowflake() }),
  responses: { 200: erasureReport },
  async handler({ api, params }) {
    const report = await eraseUserData(api.services, params.user_id, { requester: 'developer-team' });
    return {
      user_id: report.userId,
      correlation_id: report.correlationId,
      complete: report.complete,
      baseline: { ...report.baseline },
      plugins: report.plugins.map((entry) =>
        entry.status === 'failed' ? { ...entry, error: { code: entry.error.code ?? null, message: entry.error.message } } : entry,
      ),
    };
  },
});
