// deploy/kubernetes: every target's checked-in YAML (the repository's example, and the bot template's copy) is what
// the typed sources give, and every workload follows the rules.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@baseline/core';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2.js';
import type { ConfigMap, PodTemplateSpec, Service } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderManifests } from '../../deploy/kubernetes/src/render.js';
import { KUBERNETES_TARGETS } from '../../deploy/kubernetes/src/targets.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
type AnyObject = { kind: string; metadata: { name: string } } & Record<string, unknown>;

it('GIVEN the generator in --check mode THEN every target agrees and it exits 0', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'deploy/kubernetes/generate.ts', '--check'], { cwd: root });
  expect(stdout).toContain('deploy/kubernetes/generated: 6 files up to date');
  expect(stdout).toContain('templates/bot/deploy/kubernetes: 6 files up to date');
});

describe.each(KUBERNETES_TARGETS.map((target) => [target.outDir, target] as const))('%s', (outDir, target) => {
  const rendered = renderManifests(target);
  const objects = [...rendered.entries()]
    .filter(([file]) => file !== 'kustomization.yaml')
    .flatMap(([, text]) => parseAllDocuments(text).map((document) => document.toJS() as AnyObject));
  const find = <T>(kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name) as T;
  const workloads: [string, PodTemplateSpec][] = [
    ['bot', find<StatefulSet>('StatefulSet', 'bot').spec!.template],
    ['api', find<Deployment>('Deployment', 'api').spec!.template],
    ['web', find<Deployment>('Deployment', 'web').spec!.template],
  ];

  it('GIVEN the checked-in YAML THEN it equals what the TypeScript sources generate', () => {
    for (const [file, text] of rendered) expect(readFileSync(join(root, outDir, file), 'utf8'), file).toBe(text);
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

  it('GIVEN the bot StatefulSet THEN its pods, configured from the ConfigMap and their ordinal, run every shard once', () => {
    const bot = find<StatefulSet>('StatefulSet', 'bot');
    const config = find<ConfigMap>('ConfigMap', 'baseline-config').data!;
    const podConfig = (ordinal: number) => loadConfig({ envFiles: false, env: { ...config, POD_ORDINAL: String(ordinal) } }).sharding;
    const ranges = Array.from({ length: bot.spec!.replicas! }, (_, ordinal) => podConfig(ordinal).ids);
    expect(ranges).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(() => podConfig(bot.spec!.replicas!)).toThrow(/has no shard/);
    const env = bot.spec!.template.spec!.containers[0]!.env!;
    expect(env).toContainEqual({ name: 'POD_ORDINAL', valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } } });
  });

  it('GIVEN the API THEN a HorizontalPodAutoscaler scales its Deployment and the Service is named api for the web proxy', () => {
    const hpa = find<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'api');
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(find<Service>('Service', 'api').spec!.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http' }]);
    expect(readFileSync(join(root, outDir.replace(/kubernetes(\/generated)?$/, 'docker'), 'nginx.conf'), 'utf8')).toContain('server api:3000;');
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
