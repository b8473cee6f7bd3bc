// The images' Dockerfiles and build context, checked without a container engine.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDockerfile } from './dockerfile-rules.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const DOCKERFILES = ['deploy/docker/bot.Dockerfile', 'deploy/docker/api.Dockerfile', 'deploy/docker/web.Dockerfile'];

describe('Dockerfiles', () => {
  it.each(DOCKERFILES)('GIVEN %s THEN every rule holds (multi-stage, pinned bases, non-root, HEALTHCHECK, no secrets)', (path) => {
    expect(checkDockerfile(read(path))).toEqual([]);
  });

  it.each(DOCKERFILES)('GIVEN %s THEN its HEALTHCHECK asks /health', (path) => {
    expect(read(path)).toMatch(/HEALTHCHECK[^\n]*\\\n[^\n]*\/health/);
  });

  it('GIVEN the bot and API images THEN the runtime copies the pruned production tree made by pnpm deploy', () => {
    for (const path of DOCKERFILES.slice(0, 2)) {
      const text = read(path);
      expect(text).toContain('pnpm install --offline --frozen-lockfile');
      expect(text).toContain('deploy --prod --legacy /out');
      expect(text).toContain('COPY --from=build /out ./');
    }
  });

  it('GIVEN a Dockerfile breaking each rule THEN the checker reports every rule', () => {
    const bad = ['FROM node:latest', 'COPY .env ./', 'COPY --chown=node secrets/id_rsa /root/', 'ENV DISCORD_BOT_TOKEN=abc', 'CMD ["node", "main.js"]'].join(
      '\n',
    );
    expect(
      checkDockerfile(bad)
        .map((problem) => problem.rule)
        .sort(),
    ).toEqual(['healthcheck', 'multi-stage', 'no-secrets', 'no-secrets', 'no-secrets', 'non-root', 'pinned-base']);
  });

  it('GIVEN a final stage switching back to root or a floating tag THEN the checker refuses it', () => {
    const text = ['FROM node:22 AS build', 'FROM nginx:1.28.0-alpine', 'USER nginx', 'USER 0', 'HEALTHCHECK CMD ["true"]'].join('\n');
    expect(checkDockerfile(text).map((problem) => problem.rule)).toEqual(['pinned-base', 'non-root']);
  });

  it('GIVEN .dockerignore THEN no .env file and no local build output enters the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/.env', '**/.env.*', '**/node_modules', '**/dist']));
  });
});
