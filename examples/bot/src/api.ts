// The API process of a production deployment: stateless, so any number of replicas run behind the web server.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApi } from '@baseline/api';
import { loadConfig } from '@baseline/core';
import { deployConfig, trustProxyOption } from './deploy-config.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const config = loadConfig({ cwd: appDir, extensions: [deployConfig] });
const running = await startApi({
  servicesOptions: { appDir, config },
  http: { trustProxy: trustProxyOption(deployConfig.from(config).TRUST_PROXY) },
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.services.logger.error({ err: error }, 'API shutdown failed');
        process.exit(1);
      },
    );
  });
}
