import { breakdownUsage } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { dateInput, timestamp } from '../../http/schemas.js';

const DAY_MS = 86_400_000;

const sums = { requests: z.number().int(), total_tokens: z.string(), cost_usd: z.string().describe('USD as a decimal string') };

const breakdownSchema = z
  .object({
    from: timestamp,
    to: timestamp,
    granularity: z.enum(['day', 'week', 'month']),
    by: z.enum(['provider', 'model', 'guild', 'cog']),
    series: z.array(z.object({ period: timestamp, key: z.string(), ...sums })),
    top: z.array(z.object({ key: z.string(), label: z.string(), ...sums })).describe('The ten keys with the highest cost'),
    top_guilds: z.array(z.object({ key: z.string(), label: z.string(), ...sums })).describe('The ten guilds with the highest cost (label: the guild name)'),
    unpriced_requests: z.number().int().describe('Requests with usage but no price in force (cost counted as 0)'),
  })
  .meta({ id: 'UsageBreakdown' });

/** `GET /llm/usage/breakdown`: usage per period split by provider, model, guild or cog, for the dashboard's charts. */
export const usageBreakdownRoute = defineRoute({
  method: 'GET',
  url: '/llm/usage/breakdown',
  summary: 'LLM usage and cost per period, split by provider, model, guild or cog, with the top ten (developer team)',
  tags: ['llm'],
  access: 'developer',
  query: z.object({
    from: dateInput.optional().describe('Start (inclusive); default 30 days before `to`'),
    to: dateInput.optional().describe('End (exclusive); default now'),
    granularity: z.enum(['day', 'week', 'month']).default('day'),
    by: z.enum(['provider', 'model', 'guild', 'cog']).default('provider'),
  }),
  responses: { 200: breakdownSchema },
  handler: async ({ api, query }) => {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to)
      throw new ApiError(API_ERROR_CODES.invalidRequest, 'invalid query', { status: 400, fields: [{ path: 'query.from', message: 'must be before `to`' }] });
    return breakdownUsage(api.services.db, { from, to, granularity: query.granularity, by: query.by });
  },
});
