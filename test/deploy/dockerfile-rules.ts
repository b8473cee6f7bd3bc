// The Dockerfile rules that matter here, checked on dockerfile-ast's parse tree. hadolint would be the
// maintained linter, but neither Debian (no package) nor npm (its wrapper downloads the binary from GitHub,
// unreachable here) can install it on this machine.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/** One broken rule: which rule and where. */
export interface DockerfileProblem {
  rule: 'multi-stage' | 'pinned-base' | 'non-root' | 'healthcheck' | 'no-secrets';
  message: string;
}

// An exact release (1.28.0, 22.23.3) before any variant suffix: never `latest`, `22`, `lts` or `alpine`.
const EXACT_TAG = /^\d+\.\d+(\.\d+)?(-[a-z0-9.]+)*$/;
const SECRET_FILE = /(^|\/)(\.env(\..*)?|\.npmrc|id_[a-z0-9]+|[^/]*\.(pem|key|p12))$/i;
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY)/i;

/**
 * Checks one Dockerfile: several stages; every external base image pinned to an exact tag or a digest; the
 * final stage switching to a user other than root and declaring a HEALTHCHECK; no `.env`, key or `.npmrc` file
 * copied in and no secret-looking ENV or ARG.
 * @param content - the Dockerfile's text
 * @returns the problems, empty when every rule holds
 */
export function checkDockerfile(content: string): DockerfileProblem[] {
  const dockerfile = DockerfileParser.parse(content);
  const problems: DockerfileProblem[] = [];
  const froms = dockerfile.getFROMs();
  if (froms.length < 2) problems.push({ rule: 'multi-stage', message: `${froms.length} stage(s): build and runtime must be separate stages` });

  const stages = new Set<string>();
  for (const from of froms) {
    const image = from.getImageName() ?? '';
    if (!stages.has(image)) {
      const tag = from.getImageTag();
      if (from.getImageDigest() === null && (tag === null || !EXACT_TAG.test(tag))) {
        problems.push({
          rule: 'pinned-base',
          message: `FROM ${from.getImage() ?? ''}: pin an exact version tag (such as node:22.23.3-bookworm-slim) or a digest`,
        });
      }
    }
    const stage = from.getBuildStage();
    if (stage !== null) stages.add(stage);
  }

  const instructions = dockerfile.getInstructions();
  const lastFrom = froms.at(-1);
  const finalStage = lastFrom === undefined ? [] : instructions.filter((instruction) => instruction.getRange().start.line > lastFrom.getRange().start.line);
  const users = finalStage.filter((instruction) => instruction.getKeyword() === 'USER');
  const user = users.at(-1)?.getArgumentsContent()?.split(':')[0];
  if (user === undefined || user === 'root' || user === '0') {
    problems.push({ rule: 'non-root', message: `final stage runs as ${user ?? 'root (no USER)'}: add USER with an unprivileged user` });
  }
  const healthchecks = finalStage.filter((instruction) => instruction.getKeyword() === 'HEALTHCHECK');
  if (healthchecks.length === 0 || /^NONE$/i.test(healthchecks.at(-1)?.getArgumentsContent() ?? '')) {
    problems.push({ rule: 'healthcheck', message: 'final stage has no HEALTHCHECK' });
  }

  for (const instruction of instructions) problems.push(...secretProblems(instruction));
  return problems;
}

function secretProblems(instruction: Instruction): DockerfileProblem[] {
  const keyword = instruction.getKeyword();
  const args = instruction.getArguments().map((argument) => argument.getValue());
  if (keyword === 'COPY' || keyword === 'ADD') {
    const sources = args.filter((value) => !value.startsWith('--')).slice(0, -1);
    return sources
      .filter((source) => SECRET_FILE.test(source))
      .map((source) => ({ rule: 'no-secrets' as const, message: `${keyword} ${source}: secrets come from the environment at run time, never from the image` }));
  }
  if (keyword === 'ENV' || keyword === 'ARG') {
    const names = args.map((value) => value.split('=')[0] ?? '');
    return names
      .filter((name) => SECRET_NAME.test(name))
      .map((name) => ({ rule: 'no-secrets' as const, message: `${keyword} ${name}: a secret baked into the image; pass it at run time` }));
  }
  return [];
}
