import type { DependencyHealth, TranslateFunction } from '@baseline/core';
import { EmbedBuilder } from 'discord.js';
import type { BotStatus } from './collect-status.js';

/** `93784000` → `1d 2h 3m 4s`. */
export function formatUptime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const parts = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3_600), 'h'],
    [Math.floor((seconds % 3_600) / 60), 'm'],
    [seconds % 60, 's'],
  ] as const;
  const first = parts.findIndex(([value]) => value > 0);
  const shown = parts.slice(first === -1 ? parts.length - 1 : first);
  return shown.map(([value, unit]) => `${value}${unit}`).join(' ');
}

function dependency(status: DependencyHealth, t: TranslateFunction): string {
  if (status.ok) return t('status.ok', { ms: (status.latency_ms ?? 0).toFixed(1) });
  return status.error === undefined ? t('status.down') : t('status.downWith', { error: status.error.slice(0, 200) });
}

/**
 * The `/status` embed.
 * @param t - baseline's strings in the reply's language (`translator.forLocale(locale)`).
 */
export function formatStatusEmbed(status: BotStatus, t: TranslateFunction): EmbedBuilder {
  const healthy = status.database.ok && status.redis.ok;
  return new EmbedBuilder()
    .setTitle(t('status.title'))
    .setColor(healthy ? 0x2ecc71 : 0xe74c3c)
    .addFields(
      { name: t('status.uptime'), value: formatUptime(status.uptimeMs), inline: true },
      { name: t('status.guilds'), value: String(status.guildCount), inline: true },
      { name: t('status.shard'), value: t('status.shardValue', { shard: status.shardId, count: status.shardCount }), inline: true },
      {
        name: t('status.gatewayLatency'),
        value: status.gatewayPingMs === undefined ? t('status.notMeasured') : `${Math.round(status.gatewayPingMs)} ms`,
        inline: true,
      },
      { name: t('status.database'), value: dependency(status.database, t), inline: true },
      { name: status.redis.kind === 'memory' ? t('status.memoryStore') : t('status.redis'), value: dependency(status.redis, t), inline: true },
    );
}
