// The rules every production compose file of baseline keeps (NFR-1, NFR-2, NFR-5), checked on the YAML that
// `docker-compose config` resolved: examples/bot's (test/deploy/compose.test.ts) and every generated bot's
// (packages/create-baseline-bot/test/deploy-files.test.ts).

/** One service of a resolved compose file, as far as the rules read it. */
export interface ComposeService {
  image?: string;
  ports?: unknown[];
  networks?: Record<string, unknown>;
  volumes?: (string | { type: string; source: string; target: string })[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  container_name?: string;
}

/** A resolved compose file. */
export interface Compose {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean } | null>;
  volumes: Record<string, unknown>;
}

export type ComposeRule = 'services' | 'published-ports' | 'networks' | 'internal-networks' | 'postgres-volume' | 'healthchecks' | 'scalable-api';

/** One broken rule: which rule and what is wrong. */
export interface ComposeProblem {
  rule: ComposeRule;
  message: string;
}

/** Every rule {@link checkCompose} checks, for one test per rule. */
export const COMPOSE_RULES: readonly ComposeRule[] = [
  'services',
  'published-ports',
  'networks',
  'internal-networks',
  'postgres-volume',
  'healthchecks',
  'scalable-api',
];

/** The services of a compose file that are on `network`, sorted. */
export function membersOf(compose: Compose, network: string): string[] {
  return Object.entries(compose.services)
    .filter(([, service]) => Object.keys(service.networks ?? {}).includes(network))
    .map(([name]) => name)
    .sort();
}

const EXPECTED_MEMBERS: Record<string, string[]> = {
  internet: ['web'],
  intranet: ['api', 'bot', 'web'],
  dbnet: ['api', 'bot', 'postgres', 'redis'],
  // The way out to Discord and the LLM providers: only the two processes that call them, nothing published.
  egress: ['api', 'bot'],
};

/**
 * Checks a resolved compose file: the five services; only `web` publishes a port; `internet` holds only web,
 * `intranet` web/api/bot, `dbnet` api/bot/postgres/redis, `egress` api/bot, the last three internal but egress;
 * PostgreSQL's data on a named volume; a healthcheck on every service and `service_healthy` on every dependency;
 * an API that scales (no container_name, no host port) and trusts the proxy in front of it.
 * @returns the problems, empty when every rule holds
 */
export function checkCompose(compose: Compose): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const problem = (rule: ComposeRule, message: string) => problems.push({ rule, message });
  const services = Object.keys(compose.services).sort();
  if (services.join() !== 'api,bot,postgres,redis,web') problem('services', `services are ${services.join(', ')}: expected api, bot, postgres, redis, web`);

  const published = Object.entries(compose.services)
    .filter(([, service]) => (service.ports ?? []).length > 0)
    .map(([name]) => name);
  if (published.join() !== 'web') problem('published-ports', `${published.join(', ') || 'nothing'} publishes a port: only web may`);

  for (const [network, expected] of Object.entries(EXPECTED_MEMBERS)) {
    const members = membersOf(compose, network);
    if (members.join() !== expected.join()) problem('networks', `${network} holds ${members.join(', ') || 'nothing'}: expected ${expected.join(', ')}`);
  }
  const networks = Object.keys(compose.networks ?? {}).sort();
  if (networks.join() !== 'dbnet,egress,internet,intranet')
    problem('networks', `networks are ${networks.join(', ')}: expected dbnet, egress, internet, intranet`);
  for (const network of ['intranet', 'dbnet']) {
    if (compose.networks?.[network]?.internal !== true) problem('internal-networks', `${network} is not internal: it must have no route out of the host`);
  }

  const mounts = (compose.services['postgres']?.volumes ?? []).map((volume) =>
    (typeof volume === 'string' ? volume : `${volume.source}:${volume.target}`).replace(/:rw$/, ''),
  );
  if (!mounts.includes('postgres-data:/var/lib/postgresql/data') || !Object.keys(compose.volumes ?? {}).includes('postgres-data')) {
    problem('postgres-volume', `postgres mounts ${mounts.join(', ') || 'nothing'}: its data directory must be the named volume postgres-data`);
  }

  for (const [name, service] of Object.entries(compose.services)) {
    if ((service.healthcheck?.test?.length ?? 0) < 2) problem('healthchecks', `${name} has no healthcheck`);
    for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
      if (condition !== 'service_healthy') problem('healthchecks', `${name} waits for ${dependency} with ${condition}: use service_healthy`);
    }
  }
  const webDependencies = Object.keys(compose.services['web']?.depends_on ?? {});
  if (webDependencies.join() !== 'api') problem('healthchecks', `web depends on ${webDependencies.join(', ') || 'nothing'}: expected api`);

  const api = compose.services['api'];
  if (api?.container_name !== undefined || api?.ports !== undefined) problem('scalable-api', 'api has a container_name or ports: replicas need neither');
  const environment = api?.environment ?? {};
  if (environment['TRUST_PROXY'] !== 'true' || environment['NODE_ENV'] !== 'production')
    problem('scalable-api', 'api must run with NODE_ENV=production and TRUST_PROXY=true behind web');
  return problems;
}
