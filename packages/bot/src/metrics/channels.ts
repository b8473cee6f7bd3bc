import { channel } from 'node:diagnostics_channel';

/**
 * The runtime announces what metrics count on `node:diagnostics_channel` channels instead of calling the metrics
 * module: publishing to a channel nobody subscribes to costs a property read, the handler runner and command sync
 * stay free of Prometheus, and the metrics module can be left out entirely (METRICS_ENABLED=false).
 */

/** One handled interaction, published by the handler runner when its handler has finished. */
export interface InteractionObservation {
  /** `command`, `autocomplete`, `button`, `select`, `modal`, `context-menu` … as the cog dispatches it. */
  readonly kind: string;
  /** The command name for commands and autocomplete; `''` for components and modals (their custom ids are unbounded). */
  readonly command: string;
  readonly outcome: 'ok' | 'error' | 'refused';
  readonly seconds: number;
}

/** One finished command sync. */
export interface CommandSyncObservation {
  readonly writes: number;
  readonly result: 'applied' | 'dry-run' | 'locked' | 'in-sync' | 'failed';
}

export const interactionChannel = channel('baseline:bot:interaction');
export const commandSyncChannel = channel('baseline:bot:command-sync');
/** Published by `@baseline/llm`'s usage recorder with each `UsageRecord` (the same name is spelled there). */
export const llmUsageChannel = channel('baseline:llm:usage');
