import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/index.js';

describe('secretsOf', () => {
  it('GIVEN every kind of secret THEN it returns each configured value, including URL passwords', () => {
    const config = loadConfig({
      envFiles: false,
      env: {
        DISCORD_BOT_TOKEN: 'bot-token-value-1',
        DISCORD_CLIENT_SECRET: 'client-secret-value',
        API_SECRET_KEY: 'k'.repeat(40),
        OPENAI_API_KEY: 'sk-openai-value',
        ANTHROPIC_API_KEY: 'sk-ant-anthropic-value',
        GOOGLE_API_KEY: 'AIza-google-value',
        XAI_API_KEY: 'xai-value',
        DATABASE_URL: 'postgresql://baseline:p%40ss%2Fword@db:5432/app',
        REDIS_URL: 'redis://:redis-password@cache:6379/0',
        DISCORD_CLIENT_ID: '123456789012345678',
      },
    });
    expect(secretsOf(config).sort()).toEqual(
      [
        'bot-token-value-1',
        'client-secret-value',
        'k'.repeat(40),
        'sk-openai-value',
        'sk-ant-anthropic-value',
        'AIza-google-value',
        'xai-value',
        'p%40ss%2Fword',
        'p@ss/word',
        'redis-password',
      ].sort(),
    );
  });

  it('GIVEN no secrets THEN it returns an empty list', () => {
    expect(secretsOf(loadConfig({ env: { DATABASE_URL: 'postgresql://db:5432/app' }, envFiles: false }))).toEqual([]);
  });
});
