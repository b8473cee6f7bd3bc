// One release of workspace packages from a checkout of the workspace, the way a maintainer releases: changesets
// for the version steps (they write the CHANGELOG entries), then `changeset publish`, whose `pnpm publish` runs
// each package's prepack build. Used by the test registry (verdaccio.ts) on its fresh checkout.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.js';
import { publishablePackages } from './workspace-sandbox.js';

/** What to release: see `Registry.publishWorkspace`. */
export interface PublishOptions {
  /** @default each package's version in the checkout */
  version?: string;
  /** @default every publishable package under packages/ */
  packages?: string[];
  /**
   * Source changes the release carries, made in the checkout before it builds (a maintainer's fix): in `file`
   * (relative to the workspace root) the text `find` becomes `replace`. Fails when `find` is not there.
   */
  edits?: { file: string; find: string; replace: string }[];
  /** The changeset's summary, the CHANGELOG entry. @default "Release <version> of <package>, …" */
  summary?: string;
}

/**
 * Releases `options.packages` at `options.version` from the checkout in `dir` to the registry at `url`
 * (the checkout's `.npmrc` holds its address and token). A version one patch, minor or major step away gets a
 * changeset and `changeset version`; any other is written into package.json as is. Publishing goes through
 * `changeset publish` unless packages not part of the release are unpublished too; then `pnpm -r publish`
 * restricted to the release.
 *
 * @throws Error when a package is unknown, changesets gives another version, or a release is missing afterwards
 * @example
 * ```ts
 * await releaseFromCheckout(checkout, registry.url, { version: '0.1.1', packages: ['@baseline/bot'] }, env);
 * ```
 */
export async function releaseFromCheckout(dir: string, url: string, options: PublishOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const { version, packages, edits = [], summary } = options;
  for (const edit of edits) {
    const file = join(dir, edit.file);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (!text.includes(edit.find)) throw new Error(`publishWorkspace: ${edit.file} has no ${JSON.stringify(edit.find)} to change`);
    writeFileSync(file, text.replace(edit.find, edit.replace));
  }
  const all = publishablePackages(dir);
  const unknown = (packages ?? []).filter((name) => !all.some((candidate) => candidate.name === name));
  if (unknown.length > 0)
    throw new Error(`publishWorkspace: no publishable package named ${unknown.join(', ')}; the workspace has ${all.map((p) => p.name).join(', ')}`);
  const selected = all.filter((candidate) => packages === undefined || packages.includes(candidate.name));

  const versionOf = (pkg: { dir: string }) => (JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { version: string }).version;
  const before = new Map(all.map((pkg) => [pkg, versionOf(pkg)]));
  const targets = new Map<string, string>();
  let changesets = 0;
  for (const pkg of selected) {
    const current = before.get(pkg)!;
    const target = version ?? current;
    targets.set(pkg.name, target);
    if (target === current) continue;
    const bump = bumpBetween(current, target);
    if (bump === undefined) {
      // Not one release step away (e.g. back to 0.1.0, or 0.1.0 to 0.3.0): set it, without a changelog entry.
      const file = join(pkg.dir, 'package.json');
      writeFileSync(file, `${JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), version: target }, null, 2)}\n`);
      continue;
    }
    const slug = pkg.name.replace(/[@/]/g, '-').replace(/^-/, '');
    writeFileSync(
      join(dir, '.changeset', `registry-${slug}-${target}.md`),
      `---\n'${pkg.name}': ${bump}\n---\n\n${summary ?? `Release ${target} of ${pkg.name}, published from the workspace to the test registry.`}\n`,
    );
    changesets++;
  }
  if (changesets > 0) await runCommand('pnpm', ['exec', 'changeset', 'version'], { cwd: dir, env });
  for (const pkg of selected) {
    if (versionOf(pkg) !== targets.get(pkg.name)) {
      throw new Error(
        `publishWorkspace: changeset version gave ${pkg.name} ${versionOf(pkg)}, not ${targets.get(pkg.name)} (linked packages share the highest version of their group)`,
      );
    }
  }
  // The release: the packages asked for, and those changesets bumped with them (dependents of a bumped package).
  const released = all.filter((pkg) => selected.includes(pkg) || versionOf(pkg) !== before.get(pkg));

  // The released packages' declarations are built against their workspace dependencies' builds.
  const unbuilt = workspaceDependencies(released, all).filter((pkg) => !released.includes(pkg) && !existsSync(join(pkg.dir, 'dist')));
  if (unbuilt.length > 0) {
    await runCommand('pnpm', [...unbuilt.flatMap((pkg) => ['--filter', pkg.name]), 'run', 'build'], { cwd: dir, env });
  }
  const unpublished = [];
  for (const pkg of all) if (!(await publishedVersions(url, pkg.name)).includes(versionOf(pkg))) unpublished.push(pkg);
  if (unpublished.every((pkg) => released.includes(pkg))) {
    // The release path: publishes every package whose version the registry lacks, in dependency order.
    await runCommand('pnpm', ['exec', 'changeset', 'publish', '--no-git-tag'], { cwd: dir, env });
  } else {
    // Other packages are unpublished too and were not asked for: publish only the release, in dependency order.
    const filters = released.flatMap((pkg) => ['--filter', pkg.name]);
    await runCommand('pnpm', ['-r', ...filters, 'publish', '--access', 'public', '--no-git-checks'], { cwd: dir, env });
  }
  for (const pkg of released) {
    if (!(await publishedVersions(url, pkg.name)).includes(versionOf(pkg))) {
      throw new Error(`publishWorkspace: ${pkg.name}@${versionOf(pkg)} is not in the registry after publishing`);
    }
  }
}

/** The versions of `name` the registry at `url` holds (none when it has never been published). */
async function publishedVersions(url: string, name: string): Promise<string[]> {
  const response = await fetch(`${url}${name.replace('/', '%2f')}`, { headers: { accept: 'application/json' } });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`publishWorkspace: GET ${url}${name} answered ${response.status}`);
  return Object.keys(((await response.json()) as { versions?: Record<string, unknown> }).versions ?? {});
}

/** The workspace packages `selected` depend on at run time, directly or through each other. */
function workspaceDependencies<Package extends { name: string; dir: string }>(selected: readonly Package[], all: readonly Package[]): Package[] {
  const found = new Set<Package>();
  const visit = (pkg: Package) => {
    const json = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    for (const name of Object.keys({ ...json.dependencies, ...json.peerDependencies })) {
      const dependency = all.find((candidate) => candidate.name === name);
      if (dependency !== undefined && !found.has(dependency)) {
        found.add(dependency);
        visit(dependency);
      }
    }
  };
  selected.forEach(visit);
  return [...found];
}

/** `current` → `target` as one changesets bump, or undefined when it is not one step. */
function bumpBetween(current: string, target: string): 'patch' | 'minor' | 'major' | undefined {
  const [major, minor, patch] = current.split('.').map(Number) as [number, number, number];
  if (target === `${major}.${minor}.${patch + 1}`) return 'patch';
  if (target === `${major}.${minor + 1}.0`) return 'minor';
  if (target === `${major + 1}.0.0`) return 'major';
  return undefined;
}
