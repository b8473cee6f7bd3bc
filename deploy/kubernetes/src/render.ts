import { stringify } from 'yaml';
import { manifestFiles } from './manifests.js';
import type { KubernetesTarget } from './targets.js';

/** Every file of one target by file name: the manifests and the kustomization listing the applied ones. */
export function renderManifests(target: KubernetesTarget): Map<string, string> {
  const files = new Map<string, string>();
  const entries = manifestFiles(target.settings);
  for (const { file, objects } of entries) {
    files.set(file, target.header + objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n'));
  }
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: entries.filter((entry) => entry.applied).map((entry) => entry.file),
  };
  files.set('kustomization.yaml', target.header + stringify(kustomization));
  return files;
}
