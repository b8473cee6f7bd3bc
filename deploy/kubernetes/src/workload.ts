import type { Deployment } from 'kubernetes-types/apps/v1.js';
import type { Container, PodTemplateSpec, ResourceRequirements, Service } from 'kubernetes-types/core/v1.js';
import { containerSecurity, healthProbe, labels, metadata, podSecurity, tmpMount, tmpVolume } from './common.js';
import type { KubernetesSettings } from './settings.js';

/** What sets one component's pod apart; the rest (security, /tmp, /health probes) is the same for every pod. */
export interface PodOptions {
  readonly component: string;
  readonly image: string;
  /** The port the image listens on, which also answers `/health`. */
  readonly port: { readonly name: string; readonly containerPort: number };
  /** The image's unprivileged user. */
  readonly uid: number;
  readonly resources: ResourceRequirements;
  readonly envFrom?: Container['envFrom'];
  readonly env?: Container['env'];
  /** Adds a startup probe, for a pod slow to become ready (the bot logging in its shards). */
  readonly startupProbe?: boolean;
  readonly terminationGracePeriodSeconds?: number;
}

/** The pod template of one component: one container, non-root, read-only root filesystem, probed on `/health`. */
export function podTemplate(settings: KubernetesSettings, options: PodOptions): PodTemplateSpec {
  const { component, port } = options;
  const container: Container = {
    name: component,
    image: options.image,
    ports: [port],
    ...(options.envFrom ? { envFrom: options.envFrom } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.startupProbe ? { startupProbe: healthProbe(port.containerPort, 'startup') } : {}),
    readinessProbe: healthProbe(port.containerPort, 'readiness'),
    livenessProbe: healthProbe(port.containerPort, 'liveness'),
    resources: options.resources,
    securityContext: containerSecurity,
    volumeMounts: [tmpMount],
  };
  return {
    metadata: { labels: labels(settings, component) },
    spec: {
      securityContext: podSecurity(options.uid),
      ...(options.terminationGracePeriodSeconds === undefined ? {} : { terminationGracePeriodSeconds: options.terminationGracePeriodSeconds }),
      containers: [container],
      volumes: [tmpVolume],
    },
  };
}

/** A stateless component: a Deployment of `replicas` pods, named after the component. */
export function deployment(settings: KubernetesSettings, replicas: number, options: PodOptions): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(settings, options.component, options.component),
    spec: { replicas, selector: { matchLabels: labels(settings, options.component) }, template: podTemplate(settings, options) },
  };
}

/**
 * The Service of one component, named after it, forwarding `port` to the pods' port named `targetPort`.
 * `headless` gives no cluster IP: the pods' own names resolve instead (a StatefulSet's governing Service).
 */
export function service(settings: KubernetesSettings, component: string, port: { name: string; port: number }, headless = false): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(settings, component, component),
    spec: { ...(headless ? { clusterIP: 'None' } : {}), selector: labels(settings, component), ports: [{ ...port, targetPort: port.name }] },
  };
}
