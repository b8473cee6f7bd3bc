import type { Container, PodSecurityContext, Probe, Volume } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { KubernetesSettings } from './settings.js';

/** Name of the ConfigMap holding the non-secret environment, and of the Secret holding the secret one. */
export const CONFIG_MAP_NAME = 'baseline-config';
export const SECRET_NAME = 'baseline-secrets';

/** Metadata of one component's objects: its name, the namespace and the labels its selectors use. */
export function metadata(settings: KubernetesSettings, name: string, component: string): ObjectMeta {
  return { name, namespace: settings.namespace, labels: labels(settings, component) };
}

/** The labels every object of a component carries; selectors match them. */
export function labels(settings: KubernetesSettings, component: string): Record<string, string> {
  return { 'app.kubernetes.io/name': settings.appName, 'app.kubernetes.io/component': component };
}

/**
 * Pod security of every component: never root (the images' users are `node`, uid 1000, and `nginx`, uid 101),
 * the runtime's default seccomp profile.
 */
export function podSecurity(uid: number): PodSecurityContext {
  return { runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, fsGroup: uid, seccompProfile: { type: 'RuntimeDefault' } };
}

/** Container security: read-only root filesystem (writes go to the /tmp volume), no privilege escalation. */
export const containerSecurity: Container['securityContext'] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** /tmp as an in-memory volume: tsx's compile cache and nginx's temporary files. */
export const tmpVolume: Volume = { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } };
export const tmpMount = { name: 'tmp', mountPath: '/tmp' };

/**
 * An HTTP probe on `/health`. Readiness takes a pod out of its Service at the first failures; liveness waits
 * longer, so a short PostgreSQL or Redis outage (which makes /health answer 503) does not restart every pod.
 */
export function healthProbe(port: number, kind: 'readiness' | 'liveness' | 'startup'): Probe {
  const timing = {
    readiness: { periodSeconds: 10, failureThreshold: 3 },
    liveness: { periodSeconds: 20, failureThreshold: 6 },
    // Up to 5 minutes to log in every shard of the pod (identify is one shard per bucket every 5 s).
    startup: { periodSeconds: 10, failureThreshold: 30 },
  }[kind];
  return { httpGet: { path: '/health', port }, timeoutSeconds: 5, ...timing };
}

/** The environment of the bot and API containers: the ConfigMap, then the Secret. */
export const environmentFrom: Container['envFrom'] = [{ configMapRef: { name: CONFIG_MAP_NAME } }, { secretRef: { name: SECRET_NAME } }];
