// Debian's nginx binary for testing deploy/docker/nginx.conf: the one on PATH, else the package's files
// unpacked (`apt-get download` + `dpkg -x`, no install scripts, so no service starts) into a temporary folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths of a usable nginx: the binary and the `mime.types` file its configuration includes. */
export interface NginxBinary {
  binary: string;
  mimeTypes: string;
}

export function ensureNginx(): NginxBinary {
  if (existsSync('/usr/sbin/nginx') && existsSync('/etc/nginx/mime.types')) return { binary: '/usr/sbin/nginx', mimeTypes: '/etc/nginx/mime.types' };
  const dir = join(tmpdir(), 'baseline-test-nginx');
  const binary = join(dir, 'root/usr/sbin/nginx');
  const mimeTypes = join(dir, 'root/etc/nginx/mime.types');
  if (existsSync(binary) && existsSync(mimeTypes)) return { binary, mimeTypes };
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('apt-get', ['download', 'nginx', 'nginx-common'], { cwd: dir, stdio: 'pipe' });
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.deb'))) execFileSync('dpkg', ['-x', file, 'root'], { cwd: dir, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`could not fetch Debian's nginx (${String(error)}). Fix: run \`apt-get install -y --no-install-recommends nginx\` once`, { cause: error });
  }
  return { binary, mimeTypes };
}
