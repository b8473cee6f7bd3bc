import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { apiObjects } from './api.js';
import { botObjects } from './bot.js';
import { configMap, secretExample } from './config.js';
import type { KubernetesSettings } from './settings.js';
import { webObjects } from './web.js';

/** What every Kubernetes object has; the objects themselves are typed by kubernetes-types where defined. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** One emitted file: its name in the target folder, and its objects in order. */
export interface ManifestFile {
  file: string;
  objects: readonly KubernetesObject[];
  /** Listed in kustomization.yaml (applied by `kubectl apply -k`). */
  applied: boolean;
}

/** Every generated file of one deployment. */
export function manifestFiles(settings: KubernetesSettings): ManifestFile[] {
  return [
    { file: 'config.yaml', objects: [configMap(settings)], applied: true },
    { file: 'secret.example.yaml', objects: [secretExample(settings)], applied: false },
    { file: 'bot.yaml', objects: botObjects(settings), applied: true },
    { file: 'api.yaml', objects: apiObjects(settings), applied: true },
    { file: 'web.yaml', objects: webObjects(settings), applied: true },
  ];
}
