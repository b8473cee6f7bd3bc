import type { ConfigMap, Secret } from 'kubernetes-types/core/v1.js';
import { CONFIG_MAP_NAME, metadata, SECRET_NAME } from './common.js';
import type { KubernetesSettings } from './settings.js';

/** The environment shared by the bot and the API that is not secret (docs/configuration.md lists each). */
export function configMap(settings: KubernetesSettings): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(settings, CONFIG_MAP_NAME, 'config'),
    data: {
      NODE_ENV: 'production',
      SHARD_COUNT: String(settings.shardCount),
      SHARDS_PER_POD: String(settings.shardsPerPod),
      API_HOST: '0.0.0.0',
      API_PORT: '3000',
      HEALTH_HOST: '0.0.0.0',
      HEALTH_PORT: '8080',
      // Behind the web server and the Service: the API is never reached directly from outside the cluster.
      TRUST_PROXY: 'true',
      DISCORD_REDIRECT_URI: `https://${settings.host}/auth/callback`,
      API_CORS_ORIGINS: `https://${settings.host}`,
      LOG_LEVEL: 'info',
    },
  };
}

/**
 * The secret environment, with placeholders. Written to `secret.example.yaml`, outside the kustomization: create
 * the real one from your `.env` instead (`kubectl create secret generic baseline-secrets --namespace <namespace> --from-env-file=.env`).
 * PostgreSQL and Redis are shared services outside these manifests (managed, or your own operator).
 */
export function secretExample(settings: KubernetesSettings): Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadata(settings, SECRET_NAME, 'config'),
    type: 'Opaque',
    stringData: {
      DISCORD_BOT_TOKEN: 'replace-me',
      DISCORD_CLIENT_ID: 'replace-me',
      DISCORD_CLIENT_SECRET: 'replace-me',
      MAIN_GUILD_ID: 'replace-me',
      API_SECRET_KEY: 'replace-me-with-at-least-32-random-characters',
      DATABASE_URL: 'postgres://baseline:replace-me@postgres.example.internal:5432/baseline',
      REDIS_URL: 'redis://:replace-me@redis.example.internal:6379',
    },
  };
}
