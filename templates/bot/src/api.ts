// The API alone, for a deployment that runs it apart from the bot (deploy/docker/api.Dockerfile runs
// `node dist/api.js`): stateless, so any number of replicas can run behind the web server. `baseline start`
// does not need this file; it runs the bot and the API in one process.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApi } from '@baseline/api';
import app from './app.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const running = await startApi({
  // The app's own plugins and extensions, as `baseline start` gives them to the bot: their settings and routes.
  servicesOptions: { appDir, plugins: app.plugins ?? [], extensions: app.extensions },
  // TRUST_PROXY=true only behind a proxy that overwrites X-Forwarded-For and with no published API port (as in
  // docker-compose.yml): then rate limits see the client's address instead of the web server's.
  http: { trustProxy: process.env['TRUST_PROXY'] === 'true' },
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
