// The environment of every command the registry tests run: nothing from the outer `pnpm`/`npm run` leaks in
// (npm_config_*, npm_package_*, INIT_CWD…, which send a nested npm to the wrong registry, package or folder), and
// no node_modules/.bin of this repository is on PATH (an app must find its tools in its own dependencies).
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** Variables passed through: locale, temp folder, TLS trust and proxies needed to reach the uplink registry. */
const PASSED = ['HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];
const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

/**
 * A clean environment: the Node that runs the tests (and the pinned pnpm of `.toolchain/bin`) first on PATH,
 * then the system folders of the current PATH, and `extra` over it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const toolchainBin = join(repoRoot, '.toolchain', 'bin');
  const system = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry !== '' && !entry.includes('node_modules'));
  const path = [dirname(process.execPath), ...(existsSync(toolchainBin) ? [toolchainBin] : []), ...system];
  const env: NodeJS.ProcessEnv = { PATH: [...new Set(path)].join(delimiter) };
  for (const name of [...PASSED, ...PROXIES]) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}
