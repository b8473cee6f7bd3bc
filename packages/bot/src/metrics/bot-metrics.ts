import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createMetricsRegistry, type BaselineServices } from '@baseline/core';
import type { Registry } from 'prom-client';
import { GatewayDispatchEvents, RESTEvents, type Client, type RateLimitData } from 'discord.js';
import { shardStatusName } from '../shards/shard-status.js';
import { commandSyncChannel, interactionChannel, llmUsageChannel, type CommandSyncObservation, type InteractionObservation } from './channels.js';

/** Dispatch names Discord documents; anything else is counted as `other`, so a new event cannot add series without bound. */
const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(GatewayDispatchEvents));
/** Interaction handlers are mostly fast; the upper buckets catch deferred replies and LLM calls. */
const INTERACTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The parts of `@baseline/llm`'s usage rows the metrics read (the bot does not depend on that package). */
interface UsageRow {
  provider: string;
  model: string;
  requestType: string;
  status: string;
  promptTokens: number;
  completionTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  costUsd: string;
}

/** Prometheus metrics of one bot process; see {@link installBotMetrics}. */
export interface BotMetrics {
  readonly registry: Registry;
  /** The exposition text for `GET /metrics`. */
  text(): Promise<string>;
  readonly contentType: string;
  /** Unsubscribes from the client, REST and channels. */
  close(): void;
}

/**
 * Registers the bot's metrics on a registry of its own (two bots in one test process do not collide) and feeds
 * them from the client's events, discord.js REST's rate-limit events and the runtime's diagnostics channels.
 * Labels are bounded: command names are the registered commands, gateway events Discord's documented names,
 * shards this process's shard ids. LLM spend is labelled by provider and model, not by guild: a label per guild
 * would be one series per guild and model (a million at 1M guilds); per-guild spend is the API's usage routes.
 *
 * @example
 * ```ts
 * const metrics = installBotMetrics(client, services);
 * const text = await metrics.text(); // baseline_bot_interactions_total{kind="command",command="status",outcome="ok"} 1 …
 * metrics.close();
 * ```
 */
export function installBotMetrics(client: Client, services: Pick<BaselineServices, 'kv' | 'llm'>): BotMetrics {
  const metrics = createMetricsRegistry();
  const { registry } = metrics;
  const interactions = metrics.counter(
    'baseline_bot_interactions_total',
    'Interactions handled, by kind, command and outcome (ok, error: the handler threw, refused: shutting down).',
    ['kind', 'command', 'outcome'],
  );
  const interactionSeconds = metrics.histogram(
    'baseline_bot_interaction_duration_seconds',
    'Time from the handler runner receiving an interaction to its handler finishing.',
    ['kind', 'command'],
    INTERACTION_BUCKETS,
  );
  const gatewayEvents = metrics.counter(
    'baseline_bot_gateway_events_total',
    'Gateway dispatch events received, by event name (unknown names counted as other).',
    ['event'],
  );
  const rateLimits = metrics.counter(
    'baseline_bot_rest_rate_limits_total',
    'REST requests held back by a Discord rate limit, by scope (user, global, shared) and whether the limit was global.',
    ['scope', 'global'],
  );
  const syncs = metrics.counter('baseline_bot_command_syncs_total', 'Command syncs run, by result (applied, dry-run, locked, in-sync, failed).', ['result']);
  const syncWrites = metrics.counter('baseline_bot_command_sync_writes_total', "Requests that changed Discord's command registry (creates, edits, deletes).");
  const llmRequests = metrics.counter('baseline_llm_requests_total', 'LLM request attempts, by provider, model, request type and status.', [
    'provider',
    'model',
    'request_type',
    'status',
  ]);
  const llmTokens = metrics.counter(
    'baseline_llm_tokens_total',
    'LLM tokens, by provider, model and kind (prompt, completion, cache_read, cache_write, reasoning).',
    ['provider', 'model', 'kind'],
  );
  const llmCost = metrics.counter('baseline_llm_cost_usd_total', 'LLM spend in US dollars as priced when recorded, by provider and model.', [
    'provider',
    'model',
  ]);
  metrics.gauge('baseline_llm_usage_buffer_rows', 'LLM usage rows waiting in memory to be written to llm_usage.', [], (gauge) => {
    gauge.set(services.llm?.pendingUsageRows ?? 0);
  });
  metrics.gauge('baseline_bot_guilds', 'Guilds this process has in its cache (the guilds of its shards).', [], (gauge) => gauge.set(client.guilds.cache.size));
  metrics.gauge('baseline_bot_shards', 'Shards this process runs.', [], (gauge) => gauge.set(client.ws.shards.size));
  metrics.gauge(
    'baseline_bot_shard_latency_seconds',
    'Gateway heartbeat round trip per shard (absent before the first acknowledgement).',
    ['shard'],
    (gauge) => {
      gauge.reset();
      for (const [id, shard] of client.ws.shards) if (shard.ping >= 0) gauge.set({ shard: String(id) }, shard.ping / 1000);
    },
  );
  metrics.gauge(
    'baseline_bot_shard_status',
    'Each shard of this process with its connection status as a label; the value is always 1.',
    ['shard', 'status'],
    (gauge) => {
      gauge.reset();
      for (const [id, shard] of client.ws.shards) gauge.set({ shard: String(id), status: shardStatusName(shard.status) }, 1);
    },
  );

  const onRaw = (...args: unknown[]) => {
    const event = (args[0] as { t?: unknown } | undefined)?.t;
    if (typeof event !== 'string') return;
    gatewayEvents.inc({ event: KNOWN_EVENTS.has(event) ? event : 'other' });
  };
  const onRateLimited = (info: RateLimitData) => rateLimits.inc({ scope: info.scope, global: String(info.global) });
  const onInteraction = (message: unknown) => {
    const { kind, command, outcome, seconds } = message as InteractionObservation;
    interactions.inc({ kind, command, outcome });
    interactionSeconds.observe({ kind, command }, seconds);
  };
  const onSync = (message: unknown) => {
    const { writes, result } = message as CommandSyncObservation;
    syncs.inc({ result });
    if (writes > 0) syncWrites.inc(writes);
  };
  const onUsage = (message: unknown) => {
    const row = message as UsageRow;
    const model = { provider: row.provider, model: row.model };
    llmRequests.inc({ ...model, request_type: row.requestType, status: row.status });
    const tokens: [string, number][] = [
      ['prompt', row.promptTokens],
      ['completion', row.completionTokens],
      ['cache_read', row.cacheReadTokens],
      ['cache_write', row.cacheWriteTokens],
      ['reasoning', row.reasoningTokens],
    ];
    for (const [kind, count] of tokens) if (count > 0) llmTokens.inc({ ...model, kind }, count);
    const cost = Number(row.costUsd);
    if (cost > 0) llmCost.inc(model, cost);
  };

  client.on('raw', onRaw);
  client.rest.on(RESTEvents.RateLimited, onRateLimited);
  subscribe(interactionChannel.name, onInteraction);
  subscribe(commandSyncChannel.name, onSync);
  subscribe(llmUsageChannel.name, onUsage);

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    close() {
      client.off('raw', onRaw);
      client.rest.off(RESTEvents.RateLimited, onRateLimited);
      unsubscribe(interactionChannel.name, onInteraction);
      unsubscribe(commandSyncChannel.name, onSync);
      unsubscribe(llmUsageChannel.name, onUsage);
    },
  };
}
