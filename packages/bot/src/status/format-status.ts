import { EmbedBuilder } from 'discord.js';
import type { DependencyHealth } from '@baseline/core';
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

function dependency(status: DependencyHealth): string {
  return status.ok ? `ok (${(status.latency_ms ?? 0).toFixed(1)} ms)` : `down${status.error === undefined ? '' : `: ${status.error.slice(0, 200)}`}`;
}

/** The `/status` embed. */
export function formatStatusEmbed(status: BotStatus): EmbedBuilder {
  const healthy = status.database.ok && status.redis.ok;
  return new EmbedBuilder()
    .setTitle('Bot status')
    .setColor(healthy ? 0x2ecc71 : 0xe74c3c)
    .addFields(
      { name: 'Uptime', value: formatUptime(status.uptimeMs), inline: true },
      { name: 'Guilds', value: String(status.guildCount), inline: true },
      { name: 'Shard', value: `${status.shardId} of ${status.shardCount}`, inline: true },
      { name: 'Gateway latency', value: status.gatewayPingMs === undefined ? 'not measured yet' : `${Math.round(status.gatewayPingMs)} ms`, inline: true },
      { name: 'Database', value: dependency(status.database), inline: true },
      { name: status.redis.kind === 'memory' ? 'Key-value (in memory)' : 'Redis', value: dependency(status.redis), inline: true },
    );
}
