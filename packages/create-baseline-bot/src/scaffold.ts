import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answers } from './answers.js';
import { CREATE_ERROR_CODES, CreateError } from './create-error.js';
import { FEATURES, type ProjectPackage } from './features/index.js';
import { BASELINE_RANGE } from './versions.js';

/** Where the templates are: copied next to `dist/` when the scaffolder is built (see tsup.config.ts). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/** What is never copied from a template: what its workspace build and tests left behind. */
const SKIPPED = new Set(['node_modules', 'dist', '.baseline', '.turbo']);

/** Options of {@link scaffold}. */
export interface ScaffoldOptions {
  /** Write into a folder that is not empty. @default false */
  force?: boolean;
  /** @default {@link TEMPLATES_DIR} */
  templatesDir?: string;
}

/**
 * Writes a project: copies the template, renames stored dot-files (`_gitignore` to `.gitignore`), names the
 * package, turns `workspace:` ranges into caret ranges of this release, and runs every feature installer.
 *
 * @throws CreateError `BL_ERR_CREATE_TARGET_NOT_EMPTY` when `dir` has files and `force` is not set.
 */
export async function scaffold(dir: string, answers: Answers, options: ScaffoldOptions = {}): Promise<void> {
  await checkTarget(dir, options.force ?? false);
  const templateDir = join(options.templatesDir ?? TEMPLATES_DIR, answers.template);
  await mkdir(dir, { recursive: true });
  await cp(templateDir, dir, { recursive: true, force: true, filter: (source) => !SKIPPED.has(basename(source)) });
  await renameDotFiles(dir);
  await restoreManifests(dir);

  const pkgPath = join(dir, 'package.json');
  const templatePackageName = (JSON.parse(await readFile(pkgPath, 'utf8')) as ProjectPackage).name;
  const pkg = publishedPackage(JSON.parse(await readFile(pkgPath, 'utf8')) as ProjectPackage, answers);
  for (const feature of FEATURES) {
    if (feature.templates.includes(answers.template)) await feature.install({ dir, answers, pkg });
  }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    if (pkg[field] !== undefined) pkg[field] = Object.fromEntries(Object.entries(pkg[field]).sort(([a], [b]) => a.localeCompare(b)));
  }
  await writeFile(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  await replaceInFile(join(dir, 'README.md'), templatePackageName, answers.name);
}

async function checkTarget(dir: string, force: boolean): Promise<void> {
  const entries = await readdir(dir).catch(() => []);
  if (entries.length > 0 && !force) {
    throw new CreateError(
      CREATE_ERROR_CODES.targetNotEmpty,
      `${dir} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): choose another name, empty it, or pass --force to write over it.`,
    );
  }
}

/** `_gitignore` → `.gitignore`, `_env.example` → `.env.example`: npm drops dot-files from published packages. */
async function renameDotFiles(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('_')) await rename(join(dir, entry), join(dir, `.${entry.slice(1)}`));
  }
}

/** `package.template.json` → `package.json` at any depth: the published copy stores manifests so (see tsup.config.ts). */
async function restoreManifests(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) await restoreManifests(path);
    else if (entry.name === 'package.template.json') await rename(path, join(dir, 'package.json'));
  }
}

/** The template's package.json as the new project's: its name, and real ranges where the workspace linked. */
function publishedPackage(pkg: ProjectPackage, answers: Answers): ProjectPackage {
  const next: ProjectPackage = { ...pkg, name: answers.name, version: '0.1.0' };
  if (answers.template === 'plugin') {
    delete next['private'];
    next['baseline'] = { ...(pkg['baseline'] as object), baselineVersion: BASELINE_RANGE };
  }
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies'] as const) {
    const ranges = pkg[field] as Record<string, string> | undefined;
    if (ranges === undefined) continue;
    next[field] = Object.fromEntries(Object.entries(ranges).map(([name, range]) => [name, range.startsWith('workspace:') ? BASELINE_RANGE : range]));
  }
  return next;
}

async function replaceInFile(path: string, search: string, replacement: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text !== undefined) await writeFile(path, text.replaceAll(search, replacement));
}
