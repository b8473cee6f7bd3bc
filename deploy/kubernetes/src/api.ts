import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2.js';
import { environmentFrom, metadata } from './common.js';
import type { KubernetesSettings } from './settings.js';
import { deployment, service } from './workload.js';
import type { KubernetesObject } from './manifests.js';

/**
 * The API: stateless (sessions and caches in Redis), so the autoscaler may add and remove pods freely. Its
 * Service is named `api`, the name the web server proxies /api to (deploy/docker/nginx.conf), and a
 * HorizontalPodAutoscaler scales the Deployment on CPU against the pods' requests.
 */
export function apiObjects(settings: KubernetesSettings): KubernetesObject[] {
  const api = service(settings, 'api', { name: 'http', port: 3000 });
  const autoscaler: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(settings, 'api', 'api'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
      minReplicas: settings.api.minReplicas,
      maxReplicas: settings.api.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: settings.api.cpuUtilization } } }],
    },
  };
  const pods = deployment(settings, settings.api.minReplicas, {
    component: 'api',
    image: settings.images.api,
    port: { name: 'http', containerPort: 3000 },
    uid: 1000,
    envFrom: environmentFrom,
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  });
  return [api, pods, autoscaler];
}
