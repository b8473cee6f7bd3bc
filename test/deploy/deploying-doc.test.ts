// docs/deploying.md, followed as far as this machine allows: its `docker compose … config` commands (through
// Debian's docker-compose, with a dummy .env) and its Kubernetes generation check.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, ensureDockerCompose } from './docker-compose-cli.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const doc = readFileSync(join(root, 'docs/deploying.md'), 'utf8');
/** Every line of the doc's shell blocks, comments removed. */
const shellLines = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
  block[1]!
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean),
);

describe('docs/deploying.md', () => {
  beforeAll(() => ensureDockerCompose(), 300_000);

  const configCommands = shellLines.filter((line) => /^docker compose .* config$/.test(line));

  it('GIVEN the doc THEN it shows the config check of the compose file alone and with the shards override', () => {
    expect(configCommands).toEqual(['docker compose -f docker-compose.yml config', 'docker compose -f docker-compose.yml -f docker-compose.shards.yml config']);
  });

  it.each(configCommands)('GIVEN `%s` run in examples/bot with a .env THEN Compose accepts it', async (command) => {
    const files = [...command.matchAll(/-f (\S+)/g)].map((match) => match[1]!);
    const env = 'POSTGRES_PASSWORD=0123abcd\nREDIS_PASSWORD=4567ef01\nDISCORD_BOT_TOKEN=dummy\n';
    const resolved = parse(await composeConfig(join(root, 'examples/bot'), files, env)) as { services: Record<string, unknown> };
    expect(Object.keys(resolved.services)).toEqual(expect.arrayContaining(['web', 'api', 'bot', 'postgres', 'redis']));
  });

  it('GIVEN the Kubernetes check command of the doc THEN it runs here and finds the YAML up to date', async () => {
    expect(shellLines).toContain('npm run k8s:generate -- --check');
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'k8s:generate', '--', '--check'], { cwd: root });
    expect(stdout).toContain('deploy/kubernetes/generated: 6 files up to date');
  });

  it('GIVEN the files the doc names THEN each exists in the repository', () => {
    const named = [...doc.matchAll(/`((?:deploy|examples\/bot)\/[\w./-]+\.(?:ts|Dockerfile|yml|yaml|conf))`/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(5);
    for (const path of named) expect(() => readFileSync(join(root, path)), path).not.toThrow();
  });
});
