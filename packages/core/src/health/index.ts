export {
  healthStatus,
  pingDependencies,
  type DependenciesHealth,
  type DependencyHealth,
  type HealthStatus,
  type PingDependenciesOptions,
} from './ping-dependencies.js';
