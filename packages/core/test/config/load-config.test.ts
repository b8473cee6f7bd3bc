import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, isBaselineError, loadConfig, PRODUCTION_REQUIRED_VARIABLES, shardIdsForPod } from '../../src/index.js';

const BOT_TOKEN = 'MTQ1NjA3NDQ0Mzk4MDkzMTA3Mg.GhJkLm.abcdefghijklmnopqrstuvwxyz012345';

/** Loads from an explicit env record only, so the machine's environment and files never leak in. */
function load(env: Record<string, string | undefined>) {
  return loadConfig({ env, envFiles: false });
}

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN an empty environment THEN it returns the documented defaults', () => {
    const config = load({});
    expect(config.nodeEnv).toBe('development');
    expect(config.health).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(config.api).toEqual({ host: '0.0.0.0', port: 3000, secretKey: undefined, corsOrigins: [] });
    expect(config.llm.defaultProvider).toBe('openai');
    expect(config.llm.maxRetries).toBe(3);
    expect(config.llm.timeoutSeconds).toBe(60);
    expect(config.log).toEqual({ level: 'debug', pretty: undefined, file: undefined });
    expect(config.discord.intents).toBeUndefined();
    expect(config.discord.botToken).toBeUndefined();
    expect(config.missingForProduction).toEqual(PRODUCTION_REQUIRED_VARIABLES);
    expect(config.missingForProduction).toContain('DISCORD_BOT_TOKEN');
  });

  it('GIVEN NODE_ENV=production without LOG_LEVEL THEN the level is info', () => {
    const config = load({ NODE_ENV: 'production' });
    expect(config.isProduction).toBe(true);
    expect(config.log.level).toBe('info');
  });

  it('GIVEN valid values THEN they are typed, grouped in camelCase and frozen', () => {
    const config = load({
      DISCORD_BOT_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      MAIN_GUILD_ID: '876543210987654321',
      HEALTH_PORT: '9000',
      API_CORS_ORIGINS: 'https://dash.example.com, http://localhost:5173/ ,https://dash.example.com',
      LLM_DEFAULT_PROVIDER: 'anthropic',
      LOG_LEVEL: 'WARNING',
      LOG_PRETTY: 'yes',
      LOG_FILE: './logs/bot.log',
      SHARD_COUNT: '8',
      SHARD_IDS: '0,4-6',
    });
    expect(config.discord.botToken).toBe(BOT_TOKEN);
    expect(config.discord.clientId).toBe('123456789012345678');
    expect(config.discord.mainGuildId).toBe('876543210987654321');
    expect(config.health.port).toBe(9000);
    expect(config.api.corsOrigins).toEqual(['https://dash.example.com', 'http://localhost:5173']);
    expect(config.llm.defaultProvider).toBe('anthropic');
    expect(config.log.level).toBe('warn');
    expect(config.log.pretty).toBe(true);
    expect(config.log.file).toEqual({ path: './logs/bot.log', maxSize: '10m', frequency: 'daily', keep: 7 });
    expect(config.sharding).toEqual({ count: 8, ids: [0, 4, 5, 6] });
    expect(config.missingForProduction).not.toContain('DISCORD_BOT_TOKEN');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.api.corsOrigins)).toBe(true);
    expect(() => {
      (config.health as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('GIVEN empty or blank strings THEN they count as unset and defaults apply', () => {
    const config = load({ HEALTH_PORT: '', DISCORD_BOT_TOKEN: '   ', LLM_DEFAULT_PROVIDER: '', DISCORD_CLIENT_ID: '' });
    expect(config.health.port).toBe(8080);
    expect(config.discord.botToken).toBeUndefined();
    expect(config.llm.defaultProvider).toBe('openai');
    expect(config.discord.clientId).toBeUndefined();
  });

  it('GIVEN several invalid variables THEN one ConfigError lists every one with expectation, value and fix', () => {
    const error = configError({
      HEALTH_PORT: '80a',
      API_PORT: '70000',
      MAIN_GUILD_ID: 'my-guild',
      LLM_DEFAULT_PROVIDER: 'mistral',
      LLM_MAX_RETRIES: 'three',
      DATABASE_URL: 'mysql://root:hunter2-very-secret@db/app',
      REDIS_URL: 'not a url',
      API_CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/path',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
    expect(isBaselineError(error, 'BL_ERR_CONFIG_INVALID')).toBe(true);
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(
      [
        'API_CORS_ORIGINS',
        'API_PORT',
        'DATABASE_URL',
        'HEALTH_PORT',
        'LLM_DEFAULT_PROVIDER',
        'LLM_MAX_RETRIES',
        'LOG_LEVEL',
        'MAIN_GUILD_ID',
        'NODE_ENV',
        'REDIS_URL',
      ].sort(),
    );
    expect(error.message).toContain('Invalid configuration (10 variables)');
    expect(error.message).toContain('HEALTH_PORT: expected an integer from 0 to 65535, got "80a"');
    expect(error.message).toContain('API_PORT: expected an integer from 0 to 65535, got "70000" (out of range)');
    expect(error.message).toContain('MAIN_GUILD_ID: expected a Discord snowflake (17 to 20 digits), got "my-guild"');
    expect(error.message).toContain('LLM_DEFAULT_PROVIDER: expected openai, anthropic, gemini, xai, got "mistral"');
    expect(error.message).toContain('API_CORS_ORIGINS: expected comma-separated origins');
    expect(error.message).toContain('"https://bad.example.com/path" has a path');
    expect(error.message).toContain('Fix: set it like HEALTH_PORT=8080, or unset it to use the default');
    expect(error.message).toContain('Fix: set it like MAIN_GUILD_ID=123456789012345678');
    expect(error.details).toEqual({ variables: error.issues.map((issue) => issue.variable) });
  });

  it('GIVEN invalid secrets THEN their values never appear in the error', () => {
    const error = configError({
      API_SECRET_KEY: 'short-secret-xyz',
      DATABASE_URL: 'mysql://root:hunter2-very-secret@db/app',
      REDIS_URL: 'http://user:redis-pass-123@cache:6379',
    });
    expect(error.message).not.toContain('short-secret-xyz');
    expect(error.message).not.toContain('hunter2-very-secret');
    expect(error.message).not.toContain('redis-pass-123');
    expect(error.message).toContain('API_SECRET_KEY: expected a random string of at least 32 characters, got a hidden value of 16 characters');
    expect(error.message).toContain('DATABASE_URL: expected a postgres:// or postgresql:// URL, got "mysql://***@db/app"');
    expect(JSON.stringify(error.issues)).not.toContain('hunter2');
  });

  it('GIVEN DISCORD_INTENTS THEN names and aliases resolve to canonical, deduplicated names', () => {
    const config = load({ DISCORD_INTENTS: 'guilds, Members,messages,message_content,guild_messages, dm-messages' });
    expect(config.discord.intents).toEqual(['guilds', 'guild_members', 'guild_messages', 'message_content', 'direct_messages']);
  });

  it('GIVEN unknown intent names THEN the error names them', () => {
    const error = configError({ DISCORD_INTENTS: 'guilds,reactionz,voice' });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.detail).toBe('unknown: reactionz, voice');
    expect(error.message).toContain('DISCORD_INTENTS: expected comma-separated Discord intent names');
  });

  it('GIVEN SHARD_IDS beyond SHARD_COUNT THEN SHARD_IDS is reported', () => {
    const error = configError({ SHARD_COUNT: '2', SHARD_IDS: '0-3' });
    expect(error.issues.map((issue) => issue.variable)).toEqual(['SHARD_IDS']);
    expect(error.message).toContain('every id must be below SHARD_COUNT (2)');
  });

  it('GIVEN require THEN unset required variables join the same error', () => {
    let error: unknown;
    try {
      loadConfig({ env: { HEALTH_PORT: 'x' }, envFiles: false, require: ['DISCORD_BOT_TOKEN', 'HEALTH_PORT'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.map((issue) => issue.variable)).toEqual(['HEALTH_PORT', 'DISCORD_BOT_TOKEN']);
    expect(issues[1]?.received).toBe('nothing');
  });

  it('GIVEN .env and .env.local files THEN they fill gaps without overriding the real environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-config-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, '.env'),
      ['# comment', 'HEALTH_PORT=7000', 'API_PORT=4000', 'LLM_MAX_RETRIES=5', 'DISCORD_INTENTS="guilds,members"', 'LOG_LEVEL='].join('\n'),
    );
    writeFileSync(join(dir, '.env.local'), 'API_PORT=4001\n');
    const config = loadConfig({ cwd: dir, env: { HEALTH_PORT: '7500', LOG_LEVEL: 'error' } });
    expect(config.health.port).toBe(7500);
    expect(config.api.port).toBe(4001);
    expect(config.llm.maxRetries).toBe(5);
    expect(config.discord.intents).toEqual(['guilds', 'guild_members']);
    expect(config.log.level).toBe('error');
  });

  it('GIVEN no dotenv files in cwd THEN loading still succeeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-config-'));
    dirs.push(dir);
    expect(loadConfig({ cwd: dir, env: {} }).health.port).toBe(8080);
  });

  it('GIVEN an invalid value in .env THEN the error names the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.env'), 'HEALTH_PORT=eighty\n');
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(/HEALTH_PORT: expected an integer/);
  });

  it('GIVEN loadConfig runs THEN process.env is not modified', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.env'), 'BASELINE_CONFIG_TEST_ONLY=1\n');
    loadConfig({ cwd: dir, env: {} });
    expect(process.env.BASELINE_CONFIG_TEST_ONLY).toBeUndefined();
  });
});

// A Kubernetes StatefulSet pod's shard range: POD_ORDINAL × SHARDS_PER_POD of SHARD_COUNT.
describe('shardIdsForPod', () => {
  it('GIVEN 16 shards at 4 per pod THEN pods 0 to 3 take consecutive ranges covering every shard once', () => {
    expect([0, 1, 2, 3].map((ordinal) => shardIdsForPod(ordinal, 4, 16))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [12, 13, 14, 15],
    ]);
  });

  it('GIVEN a total that does not divide evenly THEN the last pod runs the remainder and a pod past it none', () => {
    expect([0, 1, 2].map((ordinal) => shardIdsForPod(ordinal, 4, 10))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(shardIdsForPod(2, 1, 3)).toEqual([2]);
    expect(shardIdsForPod(3, 4, 10)).toEqual([]);
  });
});

describe('loadConfig in a StatefulSet pod', () => {
  it('GIVEN POD_ORDINAL 1, SHARDS_PER_POD 2 and SHARD_COUNT 4 THEN the pod runs shards 2 and 3 of 4', () => {
    expect(load({ POD_ORDINAL: '1', SHARDS_PER_POD: '2', SHARD_COUNT: '4' }).sharding).toEqual({ count: 4, ids: [2, 3] });
  });

  it('GIVEN an explicit SHARD_IDS THEN it wins over the ordinal', () => {
    expect(load({ POD_ORDINAL: '1', SHARDS_PER_POD: '2', SHARD_COUNT: '4', SHARD_IDS: '0' }).sharding).toEqual({ count: 4, ids: [0] });
  });

  it('GIVEN no POD_ORDINAL THEN SHARDS_PER_POD changes nothing', () => {
    expect(load({ SHARDS_PER_POD: '2', SHARD_COUNT: '4' }).sharding).toEqual({ count: 4, ids: undefined });
  });

  it('GIVEN a pod past the last shard THEN POD_ORDINAL is reported with the replica count to set', () => {
    const error = configError({ POD_ORDINAL: '2', SHARDS_PER_POD: '2', SHARD_COUNT: '4' });
    expect(error.code).toBe('BL_ERR_CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.variable)).toEqual(['POD_ORDINAL']);
    expect(error.message).toContain('pod 2 has no shard: 4 shards at 2 per pod fill 2 pods (ordinals 0-1)');
    expect(error.message).toContain("set the StatefulSet's replicas to 2");
  });

  it('GIVEN POD_ORDINAL without SHARDS_PER_POD and SHARD_COUNT THEN both are reported', () => {
    const error = configError({ POD_ORDINAL: '0' });
    expect(error.issues.map((issue) => issue.variable)).toEqual(['SHARDS_PER_POD', 'SHARD_COUNT']);
    expect(error.message).toContain('POD_ORDINAL needs SHARDS_PER_POD and SHARD_COUNT');
  });

  it('GIVEN a POD_ORDINAL that is not a whole number THEN it is reported like any invalid variable', () => {
    expect(configError({ POD_ORDINAL: 'x', SHARDS_PER_POD: '2', SHARD_COUNT: '4' }).issues.map((issue) => issue.variable)).toEqual(['POD_ORDINAL']);
  });
});
