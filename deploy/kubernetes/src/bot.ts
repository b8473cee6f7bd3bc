import type { StatefulSet } from 'kubernetes-types/apps/v1.js';
import { environmentFrom, labels, metadata } from './common.js';
import type { KubernetesObject } from './manifests.js';
import { botReplicas, type KubernetesSettings } from './settings.js';
import { podTemplate, service } from './workload.js';

/**
 * The bot as a StatefulSet: pod `bot-n` runs shards `n × SHARDS_PER_POD` to `(n + 1) × SHARDS_PER_POD − 1` of
 * `SHARD_COUNT`. Its ordinal reaches the container as `POD_ORDINAL` (the `apps.kubernetes.io/pod-index` label,
 * Kubernetes 1.28+), and @baseline/core's loadConfig turns it into `SHARD_IDS`. Pods start in parallel:
 * identify is throttled across pods through Redis. The headless Service gives stable pod names and makes
 * /health reachable for monitoring inside the cluster.
 */
export function botObjects(settings: KubernetesSettings): KubernetesObject[] {
  const headless = service(settings, 'bot', { name: 'health', port: 8080 }, true);
  const statefulSet: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metadata(settings, 'bot', 'bot'),
    spec: {
      serviceName: 'bot',
      replicas: botReplicas(settings),
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: labels(settings, 'bot') },
      template: podTemplate(settings, {
        component: 'bot',
        image: settings.images.bot,
        port: { name: 'health', containerPort: 8080 },
        uid: 1000,
        envFrom: environmentFrom,
        env: [{ name: 'POD_ORDINAL', valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } } }],
        startupProbe: true,
        // Interactions in flight are answered on SIGTERM within 10 s.
        terminationGracePeriodSeconds: 20,
        resources: { requests: { cpu: '250m', memory: '384Mi' }, limits: { memory: '768Mi' } },
      }),
    },
  };
  return [headless, statefulSet];
}
