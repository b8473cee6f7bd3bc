import type { Ingress } from 'kubernetes-types/networking/v1.js';
import { metadata } from './common.js';
import type { KubernetesObject } from './manifests.js';
import type { KubernetesSettings } from './settings.js';
import { deployment, service } from './workload.js';

/**
 * The dashboard: nginx serving the built app and proxying /api to the `api` Service, and an example Ingress,
 * the only way in from outside (TLS and the class depend on your cluster).
 */
export function webObjects(settings: KubernetesSettings): KubernetesObject[] {
  const web = service(settings, 'web', { name: 'http', port: 80 });
  const pods = deployment(settings, settings.webReplicas, {
    component: 'web',
    image: settings.images.web,
    port: { name: 'http', containerPort: 8080 },
    uid: 101,
    resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { memory: '128Mi' } },
  });
  const ingress: Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(settings, 'web', 'web'),
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
  return [web, pods, ingress];
}
