export { startHealthServer, type HealthServer, type HealthServerOptions } from './start-health-server.js';
export { checkHealth, type HealthReport } from './check-health.js';
