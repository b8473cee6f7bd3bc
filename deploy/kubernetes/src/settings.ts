/**
 * What a deployment changes: image names, the shard layout, replica bounds. Everything else in the manifests
 * follows from these values; edit them and run `npm run k8s:generate`.
 */
export const settings = {
  /** Namespace of every object. */
  namespace: 'baseline',
  /** Images built from deploy/docker/*.Dockerfile and pushed to your registry. */
  images: {
    bot: 'registry.example.com/baseline-example-bot:0.1.0',
    api: 'registry.example.com/baseline-example-api:0.1.0',
    web: 'registry.example.com/baseline-example-web:0.1.0',
  },
  /** Total shards of the deployment (`SHARD_COUNT`), shared by every bot pod. */
  shardCount: 4,
  /** Shards each bot pod runs (`SHARDS_PER_POD`); the StatefulSet has ceil(shardCount / shardsPerPod) pods. */
  shardsPerPod: 2,
  /** The API's HorizontalPodAutoscaler bounds and CPU target (percent of the request). */
  api: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 },
  /** Replicas of the static dashboard server. */
  webReplicas: 2,
  /** The public host name of the Ingress example. */
  host: 'bot.example.com',
} as const;

/** Bot pods: enough for every shard, the last one possibly running fewer. */
export const botReplicas = Math.ceil(settings.shardCount / settings.shardsPerPod);
