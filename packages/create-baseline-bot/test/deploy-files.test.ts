// The deployment files a generated bot ships (docker-compose.yml, deploy/docker/, deploy/kubernetes/), checked on scaffold()'s output
// with the same rules test/deploy applies to examples/bot: Debian's `docker-compose config` resolves the compose
// file, checkCompose and checkDockerfile judge the result.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, ensureDockerCompose } from '../../../test/deploy/docker-compose-cli.js';
import { checkDockerfile } from '../../../test/deploy/dockerfile-rules.js';
import { checkCompose, type Compose } from '../../../test/deploy/support/compose-rules.js';
import { defaultAnswers, scaffold, type Answers } from '../src/index.js';
import { emptyDir } from './support/run-create.js';

const root = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));
const DUMMY_ENV = 'POSTGRES_PASSWORD=dummy-postgres-password\nREDIS_PASSWORD=dummy-redis-password\nDISCORD_BOT_TOKEN=dummy-token\n';
const DOCKERFILES = ['deploy/docker/bot.Dockerfile', 'deploy/docker/api.Dockerfile', 'deploy/docker/web.Dockerfile'];

// The default bot (npm, dashboard) and the leanest one (pnpm, no dashboard, no example plugin).
const VARIANTS: [string, Partial<Answers>][] = [
  ['the default bot', {}],
  ['a pnpm bot without dashboard', { packageManager: 'pnpm', dashboard: false, examplePlugins: [] }],
];

describe.each(VARIANTS)('scaffold() of %s', (_, overrides) => {
  let dir: string;
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  beforeAll(async () => {
    ensureDockerCompose();
    dir = join(emptyDir(), 'my-bot');
    await scaffold(dir, { ...defaultAnswers('bot'), ...overrides });
  }, 300_000);

  it('GIVEN the project THEN it has the compose file, the three Dockerfiles, nginx.conf, .dockerignore and the API entry', () => {
    for (const path of ['docker-compose.yml', ...DOCKERFILES, 'deploy/docker/nginx.conf', '.dockerignore', 'src/api.ts']) {
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    expect(existsSync(join(dir, '_dockerignore'))).toBe(false);
  });

  it('GIVEN docker-compose config with a .env THEN every compose rule of examples/bot holds', async () => {
    const compose = parse(await composeConfig(dir, ['docker-compose.yml'], DUMMY_ENV)) as Compose;
    expect(checkCompose(compose)).toEqual([]);
    expect(compose.services['bot']!.environment?.['DISCORD_BOT_TOKEN']).toBe('dummy-token');
  });

  it('GIVEN a .env without POSTGRES_PASSWORD THEN docker-compose config refuses it and names the variable', async () => {
    await expect(composeConfig(dir, ['docker-compose.yml'], 'REDIS_PASSWORD=r\n')).rejects.toThrow(/set POSTGRES_PASSWORD in \.env/);
  });

  it('GIVEN the compose file itself THEN secrets come from the env file, never written in it', () => {
    expect(read('docker-compose.yml')).not.toMatch(/DISCORD_BOT_TOKEN|DISCORD_CLIENT_SECRET|API_SECRET_KEY/);
    expect(read('.env.example')).toMatch(/^# POSTGRES_PASSWORD=$/m);
    expect(read('.env.example')).toMatch(/^# REDIS_PASSWORD=$/m);
  });

  it.each(DOCKERFILES)('GIVEN %s THEN every Dockerfile rule holds and its HEALTHCHECK asks /health', (path) => {
    expect(checkDockerfile(read(path))).toEqual([]);
    expect(read(path)).toMatch(/HEALTHCHECK[^\n]*\\\n[^\n]*\/health/);
  });

  it('GIVEN the Dockerfiles THEN they install from the project lockfile, build with its scripts and start what the project builds', () => {
    for (const path of DOCKERFILES) {
      expect(read(path)).toContain('pnpm install --frozen-lockfile; else npm ci; fi');
      expect(read(path)).toContain('RUN npm run build');
    }
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts['build']).toMatch(/^tsc -p tsconfig\.build\.json/);
    // The bot image runs the CLI of a production dependency; the API image runs src/api.ts as built to dist/.
    expect(read('deploy/docker/bot.Dockerfile')).toContain('CMD ["node_modules/.bin/baseline", "start", "--no-api"]');
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['@baseline/cli', '@baseline/api']));
    expect(read('deploy/docker/api.Dockerfile')).toContain('CMD ["node", "dist/api.js"]');
    expect(read('tsconfig.build.json')).toContain('"rootDir": "src"');
  });

  it('GIVEN deploy/kubernetes THEN the project has the manifests test/deploy/kubernetes.test.ts regenerates, and their test', () => {
    const manifestDir = join(root, 'templates/bot/deploy/kubernetes');
    const manifests = readdirSync(manifestDir);
    expect(manifests).toEqual(expect.arrayContaining(['kustomization.yaml', 'bot.yaml', 'api.yaml', 'web.yaml', 'config.yaml', 'secret.example.yaml']));
    for (const file of manifests) expect(read(join('deploy/kubernetes', file)), file).toBe(readFileSync(join(manifestDir, file), 'utf8'));
    expect(existsSync(join(dir, 'test/kubernetes.test.ts'))).toBe(true);
    expect(JSON.parse(read('package.json')).devDependencies).toHaveProperty('yaml');
  });

  it('GIVEN nginx.conf THEN it is the one test/deploy/web-proxy.test.ts runs through nginx', () => {
    expect(read('deploy/docker/nginx.conf')).toBe(readFileSync(join(root, 'deploy/docker/nginx.conf'), 'utf8'));
  });

  it('GIVEN .dockerignore THEN no .env file and no local build output enters the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/.env', '**/.env.*', '**/node_modules', '**/dist']));
  });

  it('GIVEN the README THEN its Deploy section names the compose commands', () => {
    expect(read('README.md')).toContain('## Deploy');
    expect(read('README.md')).toContain('docker compose up -d --build');
    expect(read('README.md')).toContain('kubectl apply -k deploy/kubernetes');
  });
});
