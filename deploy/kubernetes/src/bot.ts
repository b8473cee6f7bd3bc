import type { StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import { containerSecurity, environmentFrom, healthProbe, labels, metadata, podSecurity, tmpMount, tmpVolume } from './common.js';
import { botReplicas, settings } from './settings.js';

/**
 * The bot as a StatefulSet: pod `bot-n` runs shards `n × SHARDS_PER_POD` to `(n + 1) × SHARDS_PER_POD − 1` of
 * `SHARD_COUNT`. Its ordinal reaches the container as `POD_ORDINAL` (the `apps.kubernetes.io/pod-index` label,
 * Kubernetes 1.28+), and examples/bot/src/pod-shards.ts turns it into `SHARD_IDS`. Pods start in parallel:
 * identify is throttled across pods through Redis.
 */
export const botStatefulSet: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: metadata('bot', 'bot'),
  spec: {
    serviceName: 'bot',
    replicas: botReplicas,
    podManagementPolicy: 'Parallel',
    selector: { matchLabels: labels('bot') },
    template: {
      metadata: { labels: labels('bot') },
      spec: {
        securityContext: podSecurity(1000),
        // Interactions in flight are answered on SIGTERM within 10 s.
        terminationGracePeriodSeconds: 20,
        containers: [
          {
            name: 'bot',
            image: settings.images.bot,
            ports: [{ name: 'health', containerPort: 8080 }],
            envFrom: environmentFrom,
            env: [{ name: 'POD_ORDINAL', valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } } }],
            startupProbe: healthProbe(8080, 'startup'),
            readinessProbe: healthProbe(8080, 'readiness'),
            livenessProbe: healthProbe(8080, 'liveness'),
            resources: { requests: { cpu: '250m', memory: '384Mi' }, limits: { memory: '768Mi' } },
            securityContext: containerSecurity,
            volumeMounts: [tmpMount],
          },
        ],
        volumes: [tmpVolume],
      },
    },
  },
};

/** The StatefulSet's headless Service: stable pod names, and /health reachable for monitoring inside the cluster. */
export const botService: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: metadata('bot', 'bot'),
  spec: { clusterIP: 'None', selector: labels('bot'), ports: [{ name: 'health', port: 8080, targetPort: 'health' }] },
};
