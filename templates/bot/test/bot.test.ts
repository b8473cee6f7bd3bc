import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBaselineApp, type RunningApp } from '@baseline/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import app from '../src/app.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));

// The bot as `npm run dev` runs it: the Discord emulator instead of Discord, an embedded PostgreSQL under
// .baseline/ instead of DATABASE_URL, an in-memory store instead of Redis.
describe('the bot against the Discord emulator', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startBaselineApp({
      appDir,
      app,
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', API_PORT: '0', DATABASE_URL: process.env['DATABASE_URL'] },
      envFiles: false,
      handleSignals: false,
      healthServer: false,
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN /greet THEN the greeter answers with the greeting the server set, Hello then Ahoy', async () => {
    const emulator = running.emulator!;
    const guild = [...emulator.state.guilds.values()][0]!;
    const alice = emulator.state.findUser('alice')!;
    // The embedded database under .baseline/ is also `npm run dev`'s and keeps what earlier runs stored.
    await running.bot.services.settings.set(guild.id, 'greeter', { greeting: 'Hello' });
    const first = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'greet' }).reply();
    expect(first.content).toBe('Hello, alice!');
    await running.bot.services.settings.set(guild.id, 'greeter', { greeting: 'Ahoy' });
    try {
      const second = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'greet', options: { name: 'crew' } }).reply();
      expect(second.content).toBe('Ahoy, crew!');
    } finally {
      // Leave the demo server as `npm run dev` shows it.
      await running.bot.services.settings.set(guild.id, 'greeter', { greeting: 'Hello' });
    }
  });

  it('GIVEN the API THEN its health answers', async () => {
    const health = await fetch(`${running.api!.url}/api/v1/health`);
    expect(health.status).toBe(200);
  });
});
