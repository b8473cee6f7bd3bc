// deploy/kubernetes: the checked-in YAML is what the typed sources give, and every workload follows the rules.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2.js';
import type { ConfigMap, PodTemplateSpec, Service } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderManifests } from '../../deploy/kubernetes/src/render.js';
import { shardIdsForPod } from '../../examples/bot/src/pod-shards.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const generatedDir = join(root, 'deploy/kubernetes/generated');
const rendered = renderManifests();

type AnyObject = { kind: string; metadata: { name: string } } & Record<string, unknown>;
const objects = [...rendered.entries()]
  .filter(([file]) => file !== 'kustomization.yaml')
  .flatMap(([, text]) => parseAllDocuments(text).map((document) => document.toJS() as AnyObject));
const find = <T>(kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name) as T;

const workloads: [string, PodTemplateSpec][] = [
  ['bot', find<StatefulSet>('StatefulSet', 'bot').spec!.template],
  ['api', find<Deployment>('Deployment', 'api').spec!.template],
  ['web', find<Deployment>('Deployment', 'web').spec!.template],
];

describe('deploy/kubernetes', () => {
  it('GIVEN the checked-in YAML THEN it equals what the TypeScript sources generate', () => {
    for (const [file, text] of rendered) expect(readFileSync(join(generatedDir, file), 'utf8'), file).toBe(text);
  });

  it('GIVEN the generator in --check mode THEN it agrees and exits 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'deploy/kubernetes/generate.ts', '--check'], { cwd: root });
    expect(stdout).toContain('up to date');
  });

  it.each(workloads)('GIVEN the %s pods THEN they run as non-root with resources and /health probes', (_name, template) => {
    const pod = template.spec!;
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    for (const container of pod.containers) {
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
      expect(container.resources?.requests?.['cpu']).toBeDefined();
      expect(container.resources?.requests?.['memory']).toBeDefined();
      expect(container.resources?.limits?.['memory']).toBeDefined();
      expect(container.readinessProbe?.httpGet?.path).toBe('/health');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health');
      expect(container.image).toMatch(/:\d+\.\d+\.\d+$/);
    }
  });

  it('GIVEN the bot StatefulSet THEN its pod count covers SHARD_COUNT exactly and each pod learns its ordinal', () => {
    const bot = find<StatefulSet>('StatefulSet', 'bot');
    const config = find<ConfigMap>('ConfigMap', 'baseline-config').data!;
    const count = Number(config['SHARD_COUNT']);
    const perPod = Number(config['SHARDS_PER_POD']);
    const ranges = Array.from({ length: bot.spec!.replicas! }, (_, ordinal) => shardIdsForPod(ordinal, perPod, count));
    expect(ranges).toEqual(['0-1', '2-3']);
    expect(() => shardIdsForPod(bot.spec!.replicas!, perPod, count)).toThrow(/has no shard/);
    const env = bot.spec!.template.spec!.containers[0]!.env!;
    expect(env).toContainEqual({ name: 'POD_ORDINAL', valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } } });
  });

  it('GIVEN the API THEN a HorizontalPodAutoscaler scales its Deployment and the Service is named api for the web proxy', () => {
    const hpa = find<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'api');
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(find<Service>('Service', 'api').spec!.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http' }]);
    expect(readFileSync(join(root, 'deploy/docker/nginx.conf'), 'utf8')).toContain('server api:3000;');
  });

  it('GIVEN the environment THEN the ConfigMap holds no secret and the Secret stays out of the kustomization', () => {
    const config = find<ConfigMap>('ConfigMap', 'baseline-config').data!;
    expect(Object.keys(config).filter((name) => /TOKEN|SECRET|PASSWORD|_KEY|DATABASE_URL|REDIS_URL/.test(name))).toEqual([]);
    expect(rendered.get('kustomization.yaml')).not.toContain('secret.example.yaml');
    for (const [, template] of workloads.slice(0, 2)) {
      expect(template.spec!.containers[0]!.envFrom).toEqual([{ configMapRef: { name: 'baseline-config' } }, { secretRef: { name: 'baseline-secrets' } }]);
    }
  });
});
