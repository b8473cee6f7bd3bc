import { definePlugin } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

const guildParams = z.object({ guild_id: z.string().regex(/^\d{17,20}$/) });

/** A guild-scoped route with no guild to check access against: it would answer 500 on every request. */
const guildlessPlugin = definePlugin({
  id: 'guildless',
  name: 'Guildless',
  version: '1.0.0',
  routes(host) {
    host.route({
      method: 'GET',
      url: '/fine',
      summary: 'A valid route of the same plugin',
      access: 'user',
      responses: { 200: z.object({ ok: z.boolean() }) },
      handler: () => ({ ok: true }),
    });
    host.route({
      method: 'GET',
      url: '/things',
      summary: 'Guild data without a guild',
      access: 'guild',
      responses: { 200: z.object({ ok: z.boolean() }) },
      handler: () => ({ ok: true }),
    });
  },
});

/** A route naming a guild but open to any signed-in user: one guild's data for everyone. */
const leakyPlugin = definePlugin({
  id: 'leaky',
  name: 'Leaky',
  version: '1.0.0',
  routes(host) {
    host.route({
      method: 'GET',
      url: '/guilds/:guild_id/secrets',
      summary: "Any user reads a guild's secrets",
      access: 'user',
      params: guildParams,
      responses: { 200: z.object({ secret: z.string() }) },
      handler: ({ params }) => ({ secret: `of ${params.guild_id}` }),
    });
  },
});

describe('route rules checked when routes are mounted', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({ plugins: [guildlessPlugin, leakyPlugin] });
  });
  afterAll(() => stack?.close());

  it('GIVEN a plugin with a guild-scoped route without :guild_id THEN the plugin is skipped with BL_ERR_API_PLUGIN_ROUTES AND none of its routes answer', async () => {
    const skipped = stack.logs.lines.find((line) => line.msg === 'plugin routes skipped' && line.plugin === 'guildless');
    expect(skipped).toMatchObject({ code: 'BL_ERR_API_PLUGIN_ROUTES' });
    const owner = await stack.login('owner');
    expect((await owner.get('/api/v1/plugins/guildless/things')).status).toBe(404);
    expect((await owner.get('/api/v1/plugins/guildless/fine')).status).toBe(404);
  });

  it("GIVEN a plugin route with :guild_id declared access 'user' THEN the plugin is skipped AND another guild's user cannot read through it", async () => {
    const skipped = stack.logs.lines.find((line) => line.msg === 'plugin routes skipped' && line.plugin === 'leaky');
    expect(skipped).toMatchObject({ code: 'BL_ERR_API_PLUGIN_ROUTES' });
    const bob = await stack.login('bob');
    expect((await bob.get(`/api/v1/plugins/leaky/guilds/${stack.guilds.alpha}/secrets`)).status).toBe(404);
    const { paths } = (await bob.get('/api/v1/openapi.json')).body;
    expect(Object.keys(paths).filter((path) => path.includes('/plugins/leaky') || path.includes('/plugins/guildless'))).toEqual([]);
    // The valid plugins still mount.
    expect((await (await stack.login('owner')).get(`/api/v1/plugins/greeter/guilds/${stack.guilds.alpha}/greeting`)).status).toBe(200);
  });
});
