// The bot process of a production deployment (`node --import tsx src/bot.ts` in the image): no emulator,
// no API. SHARD_COUNT / SHARD_IDS pick this process's shards (in a Kubernetes StatefulSet, SHARD_IDS comes
// from the pod's ordinal: see pod-shards.ts); /health listens on HEALTH_HOST:HEALTH_PORT.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot } from '@baseline/bot';
import { loadConfig } from '@baseline/core';
import { shardIdsFromPodEnv } from './pod-shards.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const podShardIds = shardIdsFromPodEnv(process.env);
const config = loadConfig({ cwd: appDir, env: podShardIds === undefined ? process.env : { ...process.env, SHARD_IDS: podShardIds } });
// SIGTERM (docker stop, a Kubernetes pod deletion) answers interactions in flight, then exits.
await createBot({ appDir, config, handleSignals: true });
