// deploy/kubernetes/: what must stay true of the manifests when you edit them (images, SHARD_COUNT, replicas).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, PRODUCTION_REQUIRED_VARIABLES } from '@baseline/core';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const read = (path: string) => readFileSync(join(appDir, path), 'utf8');
const manifestDir = 'deploy/kubernetes';

interface Container {
  image: string;
  ports: { name: string; containerPort: number }[];
  env?: unknown[];
  envFrom?: unknown[];
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext: Record<string, unknown>;
  readinessProbe?: { httpGet: { path: string; port: number } };
  livenessProbe?: { httpGet: { path: string; port: number } };
}
interface KubernetesObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    template?: { spec: { securityContext: Record<string, unknown>; containers: Container[] } };
    scaleTargetRef?: unknown;
    minReplicas?: number;
    ports?: unknown[];
  };
}

const files = readdirSync(join(appDir, manifestDir)).filter((name) => name.endsWith('.yaml'));
const objects = files
  .filter((file) => file !== 'kustomization.yaml')
  .flatMap((file) => parseAllDocuments(read(join(manifestDir, file))).map((document) => document.toJS() as KubernetesObject));
const find = (kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (found === undefined) throw new Error(`${manifestDir} has no ${kind} ${name}`);
  return found;
};
const config = find('ConfigMap', 'baseline-config').data!;
const container = (kind: string, name: string) => find(kind, name).spec!.template!.spec.containers[0]!;

// Each workload, with the Dockerfile its image is built from.
const WORKLOADS = [
  ['StatefulSet', 'bot', 'bot.Dockerfile'],
  ['Deployment', 'api', 'api.Dockerfile'],
  ['Deployment', 'web', 'web.Dockerfile'],
] as const;

describe('deploy/kubernetes', () => {
  it('GIVEN kustomization.yaml THEN it applies every manifest but the Secret example', () => {
    const { resources } = parse(read(join(manifestDir, 'kustomization.yaml'))) as { resources: string[] };
    expect([...resources].sort()).toEqual(files.filter((file) => !['kustomization.yaml', 'secret.example.yaml'].includes(file)).sort());
  });

  it.each(WORKLOADS)(
    'GIVEN the %s %s THEN it runs as non-root, with resources, probed on /health at the port its Dockerfile exposes',
    (kind, name, dockerfile) => {
      const pod = find(kind, name).spec!.template!.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      const main = pod.containers[0]!;
      expect(main.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
      expect(Object.keys(main.resources.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(main.resources.limits?.['memory']).toBeDefined();
      const exposed = Number(/^EXPOSE (\d+)$/m.exec(read(join('deploy/docker', dockerfile)))?.[1]);
      expect(main.ports.map((port) => port.containerPort)).toEqual([exposed]);
      expect(main.readinessProbe?.httpGet).toEqual({ path: '/health', port: exposed });
      expect(main.livenessProbe?.httpGet).toEqual({ path: '/health', port: exposed });
    },
  );

  it('GIVEN the bot StatefulSet THEN each pod, configured from the ConfigMap and its ordinal, runs its own shards and together they run all', () => {
    const replicas = find('StatefulSet', 'bot').spec!.replicas!;
    const podShards = (ordinal: number) => loadConfig({ envFiles: false, env: { ...config, POD_ORDINAL: String(ordinal) } }).sharding;
    const ranges = Array.from({ length: replicas }, (_, ordinal) => podShards(ordinal).ids ?? []);
    const count = Number(config['SHARD_COUNT']);
    expect(ranges.flat()).toEqual(Array.from({ length: count }, (_, id) => id));
    expect(() => podShards(replicas)).toThrow(/has no shard/);
    expect(container('StatefulSet', 'bot').env).toContainEqual({
      name: 'POD_ORDINAL',
      valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } },
    });
  });

  it('GIVEN the API THEN a HorizontalPodAutoscaler scales its Deployment behind the Service the web server proxies to', () => {
    const autoscaler = find('HorizontalPodAutoscaler', 'api').spec!;
    expect(autoscaler.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' });
    expect(autoscaler.minReplicas).toBeGreaterThanOrEqual(2);
    expect(find('Service', 'api').spec!.ports).toEqual([{ name: 'http', port: Number(config['API_PORT']), targetPort: 'http' }]);
    expect(read('deploy/docker/nginx.conf')).toContain(`server api:${config['API_PORT']};`);
  });

  it('GIVEN the ConfigMap and the Secret THEN secrets stay out of the ConfigMap and together they set every variable production requires', () => {
    expect(Object.keys(config).filter((name) => /TOKEN|SECRET|PASSWORD|_KEY|DATABASE_URL|REDIS_URL/.test(name))).toEqual([]);
    const secret = find('Secret', 'baseline-secrets').stringData!;
    expect(PRODUCTION_REQUIRED_VARIABLES.filter((name) => config[name] === undefined && secret[name] === undefined)).toEqual([]);
    for (const name of ['bot', 'api']) {
      expect(container(name === 'bot' ? 'StatefulSet' : 'Deployment', name).envFrom).toEqual([
        { configMapRef: { name: 'baseline-config' } },
        { secretRef: { name: 'baseline-secrets' } },
      ]);
    }
  });
});
