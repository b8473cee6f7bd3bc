// The bot process of a production deployment (`node --import tsx src/bot.ts` in the image): no emulator,
// no API. SHARD_COUNT / SHARD_IDS pick this process's shards (in a Kubernetes StatefulSet, loadConfig derives
// SHARD_IDS from POD_ORDINAL and SHARDS_PER_POD); /health listens on HEALTH_HOST:HEALTH_PORT.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot } from '@baseline/bot';
import { loadConfig } from '@baseline/core';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const config = loadConfig({ cwd: appDir });
// SIGTERM (docker stop, a Kubernetes pod deletion) answers interactions in flight, then exits.
await createBot({ appDir, config, handleSignals: true });
