import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandSyncChannel, installBotMetrics, interactionChannel, llmUsageChannel, type Bot, type BotMetrics } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

// The bot's Prometheus metrics fed by a running bot (gateway events, interactions, shards) and by the
// diagnostics channels other packages publish on (LLM usage rows, command syncs), read from the exposition text.

describe('bot metrics', () => {
  let harness: BotHarness;
  let bot: Bot;
  let metrics: BotMetrics;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({ metrics: false });
    metrics = installBotMetrics(bot.client, bot.services);
  });
  afterAll(async () => {
    metrics.close();
    await harness.close();
  });

  const line = async (prefix: string) => (await metrics.text()).split('\n').find((text) => text.startsWith(prefix));

  it('GIVEN a command run THEN the interaction is counted with its outcome AND the guild, shard and status gauges are set', async () => {
    const { guildId, channelId, aliceId } = demoGuild(harness.emulator);
    await harness.emulator.invokeSlashCommand({ guildId, channelId, userId: aliceId, name: 'status' }).reply();
    await expect.poll(() => line('baseline_bot_interactions_total{kind="command",command="status",outcome="ok"}')).toMatch(/ 1$/);
    expect(await line('baseline_bot_guilds ')).toBe('baseline_bot_guilds 1');
    expect(await line('baseline_bot_shards ')).toBe('baseline_bot_shards 1');
    expect(await line('baseline_bot_shard_status{shard="0"')).toMatch(/ 1$/);
    expect(await line('baseline_bot_gateway_events_total{event="INTERACTION_CREATE"}')).toMatch(/ \d+$/);
    expect(await line('baseline_llm_usage_buffer_rows ')).toBe('baseline_llm_usage_buffer_rows 0');
  });

  it('GIVEN usage rows and syncs published THEN requests, non-zero tokens and cost are counted, and writes only when there were any', async () => {
    const row = {
      provider: 'openai',
      model: 'gpt-4.1',
      requestType: 'text',
      status: 'ok',
      promptTokens: 10,
      completionTokens: 5,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 2,
      costUsd: '0.0001',
    };
    llmUsageChannel.publish(row);
    llmUsageChannel.publish({ ...row, status: 'error', promptTokens: 0, completionTokens: 0, reasoningTokens: 0, costUsd: '0' });
    commandSyncChannel.publish({ result: 'applied', writes: 3 });
    commandSyncChannel.publish({ result: 'in-sync', writes: 0 });
    interactionChannel.publish({ kind: 'component', command: 'pick', outcome: 'error', seconds: 0.02 });
    const text = await metrics.text();
    expect(text).toContain('baseline_llm_requests_total{provider="openai",model="gpt-4.1",request_type="text",status="ok"} 1');
    expect(text).toContain('baseline_llm_requests_total{provider="openai",model="gpt-4.1",request_type="text",status="error"} 1');
    expect(text).toContain('baseline_llm_tokens_total{provider="openai",model="gpt-4.1",kind="prompt"} 10');
    expect(text).toContain('baseline_llm_tokens_total{provider="openai",model="gpt-4.1",kind="reasoning"} 2');
    expect(text).not.toContain('kind="cache_read"');
    expect(text).toContain('baseline_llm_cost_usd_total{provider="openai",model="gpt-4.1"} 0.0001');
    expect(text).toContain('baseline_bot_command_syncs_total{result="in-sync"} 1');
    expect(text).toMatch(/baseline_bot_command_sync_writes_total \d+/);
    expect(text).toContain('baseline_bot_interactions_total{kind="component",command="pick",outcome="error"} 1');
  });

  it('GIVEN stop THEN later observations are not counted', async () => {
    const own = installBotMetrics(bot.client, bot.services);
    own.close();
    commandSyncChannel.publish({ result: 'failed', writes: 0 });
    expect(await own.text()).not.toContain('result="failed"');
    expect(own.contentType).toContain('text/plain');
  });
});
