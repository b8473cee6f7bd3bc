import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import pc from 'picocolors';
import prompts from 'prompts';
import semver from 'semver';
import { changelogEntries } from '../support/changelog.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { runPackageManager } from '../support/package-manager.js';
import { readAppPackage, type AppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';

/** One `@baseline/*` dependency and where it goes. */
interface Upgrade {
  readonly name: string;
  readonly field: 'dependencies' | 'devDependencies';
  readonly from: string;
  readonly to: string;
}

interface UpgradeOptions {
  yes?: boolean;
}

/** `baseline upgrade [version]`. */
export async function upgrade(appDir: string, target: string | undefined, options: UpgradeOptions): Promise<void> {
  if (target !== undefined && target !== 'latest' && semver.valid(target) === null) {
    throw new CliError(CLI_ERROR_CODES.invalidArgument, `"${target}" is not a version: give one such as 0.2.0, or "latest".`);
  }
  const pkg = readAppPackage(appDir);
  const current = baselineDependencies(appDir, pkg);
  if (current.length === 0) throw new CliError(CLI_ERROR_CODES.notAnApp, `${join(appDir, 'package.json')} lists no @baseline/* package: nothing to upgrade.`);

  const upgrades: Upgrade[] = [];
  await withSpinner('Asking the registry for versions', async () => {
    for (const dependency of current) {
      const versions = await registryVersions(appDir, dependency.name);
      const to =
        target === undefined
          ? semver.maxSatisfying(versions, dependency.range)
          : target === 'latest'
            ? semver.maxSatisfying(versions, '*')
            : versions.includes(target)
              ? target
              : null;
      if (to !== null && semver.gt(to, dependency.installed)) upgrades.push({ name: dependency.name, field: dependency.field, from: dependency.installed, to });
      const newest = semver.maxSatisfying(versions, '*');
      if (target === undefined && newest !== null && to !== null && semver.gt(newest, to)) {
        process.stderr.write(
          `${pc.yellow('!')} ${dependency.name} ${newest} is out of its range ${dependency.range}: \`baseline upgrade ${newest}\` moves to it.\n`,
        );
      }
    }
  });
  if (upgrades.length === 0) {
    process.stdout.write(`${pc.green('✔')} @baseline/* are up to date.\n`);
    return;
  }
  for (const { name, from, to } of upgrades) process.stdout.write(`  ${name} ${from} → ${pc.bold(to)}\n`);

  const next = structuredClone(pkg) as AppPackage & Record<string, unknown>;
  for (const { name, field, to } of upgrades) (next[field] ??= {})[name] = `^${to}`;
  await writeFile(join(appDir, 'package.json'), `${JSON.stringify(next, null, 2)}\n`);
  await withSpinner('Installing', () => runPackageManager(appDir, ['install']));

  process.stdout.write(`\n${pc.bold('What changed')}\n`);
  for (const { name, from, to } of upgrades) {
    const path = join(appDir, 'node_modules', name, 'CHANGELOG.md');
    const entries = existsSync(path) ? changelogEntries(readFileSync(path, 'utf8'), from, to) : [];
    process.stdout.write(`\n${pc.bold(name)} ${from} → ${to}\n`);
    process.stdout.write(
      entries.length === 0 ? '  (no changelog entries)\n' : `${entries.map((entry) => `## ${entry.version}\n${entry.text}`).join('\n\n')}\n`,
    );
  }
  await migrateAfterUpgrade(appDir, options);
}

/** The app's `@baseline/*` dependencies with their ranges and installed versions. */
function baselineDependencies(appDir: string, pkg: AppPackage): { name: string; field: Upgrade['field']; range: string; installed: string }[] {
  return (['dependencies', 'devDependencies'] as const).flatMap((field) =>
    Object.entries(pkg[field] ?? {})
      .filter(([name]) => name.startsWith('@baseline/'))
      .map(([name, range]) => ({ name, field, range, installed: installedVersion(appDir, name) ?? semver.minVersion(range)?.version ?? '0.0.0' })),
  );
}

function installedVersion(appDir: string, name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(appDir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

async function registryVersions(appDir: string, name: string): Promise<string[]> {
  const result = await execa('npm', ['view', name, 'versions', '--json'], { cwd: appDir, reject: false, stdin: 'ignore' });
  if (result.exitCode !== 0) {
    throw new CliError(
      CLI_ERROR_CODES.registryFailed,
      `the registry did not list the versions of ${name} (\`npm view ${name} versions\` exited ${result.exitCode}): check your network and registry settings.\n${result.stderr.split('\n').slice(0, 5).join('\n')}`,
    );
  }
  const parsed = JSON.parse(result.stdout) as string[] | string;
  return Array.isArray(parsed) ? parsed : [parsed];
}

/**
 * Shows the migrations the new versions bring, then applies them when confirmed. Runs the upgraded `baseline`
 * in a new process: this one still has the previous packages loaded.
 */
async function migrateAfterUpgrade(appDir: string, options: UpgradeOptions): Promise<void> {
  const baseline = (args: string[]) => execa('baseline', args, { cwd: appDir, preferLocal: true, localDir: appDir, reject: false, all: true, stdin: 'ignore' });
  const status = await withSpinner('Reading pending migrations', () => baseline(['migrate', 'status']));
  const pending = (status.stdout ?? '').split('\n').filter((line) => line.trimEnd().endsWith('pending'));
  if (status.exitCode !== 0) {
    process.stdout.write(`\n${pc.yellow('!')} could not read the migrations (${String(status.all).split('\n').at(-1)}); run \`baseline migrate status\`.\n`);
    return;
  }
  process.stdout.write(
    `\n${pc.bold('Pending migrations')}\n${pending.length === 0 ? '  none\n' : `${pending.map((line) => `  ${line.trim()}`).join('\n')}\n`}`,
  );
  if (pending.length === 0) return;
  const apply =
    options.yes === true ||
    (process.stdin.isTTY === true &&
      ((await prompts({ type: 'confirm', name: 'apply', message: 'Apply them now?', initial: true })) as { apply?: boolean }).apply === true);
  if (!apply) {
    process.stdout.write('Not applied: run `baseline migrate up` (the bot also applies them when it starts).\n');
    return;
  }
  const up = await baseline(['migrate', 'up']);
  if (up.exitCode !== 0) throw new CliError(CLI_ERROR_CODES.migrationFailed, `\`baseline migrate up\` failed:\n${up.all}`);
  process.stdout.write(up.stdout.endsWith('\n') ? up.stdout : `${up.stdout}\n`);
}
