import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';
import { greeterPlugin } from './fixtures/greeter-plugin.js';

const writerScript = fileURLToPath(new URL('./fixtures/settings-writer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('settings changed by another OS process', () => {
  let harness: BotHarness;
  let bot: Bot;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({ plugins: [greeterPlugin] });
  });
  afterAll(() => harness.close());

  /** Runs the writer process to completion; resolves with its exit code. */
  const writeInOtherProcess = async (guildId: string, actorUserId: string, value: Record<string, unknown>) => {
    const child = fork(writerScript, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx', '--conditions=@baseline/source'],
      env: {
        ...process.env,
        ...harness.env,
        LOG_LEVEL: 'warn',
        TEST_KV_PREFIX: harness.redis.prefix,
        GUILD_ID: guildId,
        ACTOR_USER_ID: actorUserId,
        SETTINGS_VALUE: JSON.stringify(value),
      },
      stdio: 'inherit',
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    return code;
  };

  it('GIVEN the bot has the guild’s settings cached WHEN another process writes them THEN the next command serves the new value without a restart', async () => {
    const { guildId, aliceId, ownerId } = demoGuild(harness.emulator);
    const readySince = bot.client.readyTimestamp;
    const greet = async () => (await harness.emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'greet' }).reply()).content;
    expect(await greet()).toBe('Hello');
    expect(await greet()).toBe('Hello');

    expect(await writeInOtherProcess(guildId, ownerId, { greeting: 'Howdy', loud: true })).toBe(0);
    expect(await greet()).toBe('HOWDY');

    expect(await writeInOtherProcess(guildId, ownerId, { loud: false })).toBe(0);
    expect(await greet()).toBe('Howdy');
    expect(bot.client.readyTimestamp).toBe(readySince);
  }, 60_000);
});
