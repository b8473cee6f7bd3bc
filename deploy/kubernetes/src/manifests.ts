import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { apiAutoscaler, apiDeployment, apiService } from './api.js';
import { botService, botStatefulSet } from './bot.js';
import { configMap, secretExample } from './config.js';
import { webDeployment, webIngress, webService } from './web.js';

/** What every Kubernetes object has; the objects themselves are typed by kubernetes-types where defined. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** One emitted file: its name under deploy/kubernetes/generated/, and its objects in order. */
export interface ManifestFile {
  file: string;
  objects: readonly KubernetesObject[];
  /** Listed in kustomization.yaml (applied by `kubectl apply -k`). */
  applied: boolean;
}

/** Every generated file. */
export const manifestFiles: readonly ManifestFile[] = [
  { file: 'config.yaml', objects: [configMap], applied: true },
  { file: 'secret.example.yaml', objects: [secretExample], applied: false },
  { file: 'bot.yaml', objects: [botService, botStatefulSet], applied: true },
  { file: 'api.yaml', objects: [apiService, apiDeployment, apiAutoscaler], applied: true },
  { file: 'web.yaml', objects: [webService, webDeployment, webIngress], applied: true },
];
