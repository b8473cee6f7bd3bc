import type { Deployment } from 'kubernetes-types/apps/v1.js';
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Ingress } from 'kubernetes-types/networking/v1.js';
import { containerSecurity, healthProbe, labels, metadata, podSecurity, tmpMount, tmpVolume } from './common.js';
import { settings } from './settings.js';

/** The dashboard: nginx serving the built app and proxying /api to the `api` Service. */
export const webDeployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: metadata('web', 'web'),
  spec: {
    replicas: settings.webReplicas,
    selector: { matchLabels: labels('web') },
    template: {
      metadata: { labels: labels('web') },
      spec: {
        securityContext: podSecurity(101),
        containers: [
          {
            name: 'web',
            image: settings.images.web,
            ports: [{ name: 'http', containerPort: 8080 }],
            readinessProbe: healthProbe(8080, 'readiness'),
            livenessProbe: healthProbe(8080, 'liveness'),
            resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { memory: '128Mi' } },
            securityContext: containerSecurity,
            volumeMounts: [tmpMount],
          },
        ],
        volumes: [tmpVolume],
      },
    },
  },
};

export const webService: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: metadata('web', 'web'),
  spec: { selector: labels('web'), ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
};

/** An example Ingress: the only way in from outside, to `web`. TLS and the class depend on your cluster. */
export const webIngress: Ingress = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: metadata('web', 'web'),
  spec: {
    tls: [{ hosts: [settings.host], secretName: 'web-tls' }],
    rules: [
      {
        host: settings.host,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] },
      },
    ],
  },
};
