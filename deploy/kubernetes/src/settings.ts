/**
 * What a deployment changes: names, images, the shard layout, replica bounds. Everything else in the manifests
 * follows from these values; edit them (in {@link KUBERNETES_TARGETS}) and run `npm run k8s:generate`.
 */
export interface KubernetesSettings {
  /** Namespace of every object. */
  readonly namespace: string;
  /** The `app.kubernetes.io/name` label of every object; selectors match it with the component. */
  readonly appName: string;
  /** Images built from the project's deploy/docker/*.Dockerfile and pushed to a registry. */
  readonly images: { readonly bot: string; readonly api: string; readonly web: string };
  /** Total shards of the deployment (`SHARD_COUNT`), shared by every bot pod. */
  readonly shardCount: number;
  /** Shards each bot pod runs (`SHARDS_PER_POD`); the StatefulSet has ceil(shardCount / shardsPerPod) pods. */
  readonly shardsPerPod: number;
  /** The API's HorizontalPodAutoscaler bounds and CPU target (percent of the request). */
  readonly api: { readonly minReplicas: number; readonly maxReplicas: number; readonly cpuUtilization: number };
  /** Replicas of the static dashboard server. */
  readonly webReplicas: number;
  /** The public host name of the Ingress example. */
  readonly host: string;
}

/** Bot pods: enough for every shard, the last one possibly running fewer. */
export function botReplicas(settings: KubernetesSettings): number {
  return Math.ceil(settings.shardCount / settings.shardsPerPod);
}
