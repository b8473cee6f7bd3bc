import type { Deployment } from 'kubernetes-types/apps/v1.js';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import { containerSecurity, environmentFrom, healthProbe, labels, metadata, podSecurity, tmpMount, tmpVolume } from './common.js';
import { settings } from './settings.js';

/** The API: stateless (sessions and caches in Redis), so the autoscaler may add and remove pods freely. */
export const apiDeployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: metadata('api', 'api'),
  spec: {
    replicas: settings.api.minReplicas,
    selector: { matchLabels: labels('api') },
    template: {
      metadata: { labels: labels('api') },
      spec: {
        securityContext: podSecurity(1000),
        containers: [
          {
            name: 'api',
            image: settings.images.api,
            ports: [{ name: 'http', containerPort: 3000 }],
            envFrom: environmentFrom,
            readinessProbe: healthProbe(3000, 'readiness'),
            livenessProbe: healthProbe(3000, 'liveness'),
            resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            securityContext: containerSecurity,
            volumeMounts: [tmpMount],
          },
        ],
        volumes: [tmpVolume],
      },
    },
  },
};

/** `api`: the name the web server proxies /api to (deploy/docker/nginx.conf). */
export const apiService: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: metadata('api', 'api'),
  spec: { selector: labels('api'), ports: [{ name: 'http', port: 3000, targetPort: 'http' }] },
};

/** Scales the API on CPU against the pods' requests. */
export const apiAutoscaler: HorizontalPodAutoscaler = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: metadata('api', 'api'),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
    minReplicas: settings.api.minReplicas,
    maxReplicas: settings.api.maxReplicas,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: settings.api.cpuUtilization } } }],
  },
};
