// examples/bot/docker-compose.monitoring.yml: Prometheus and Grafana beside the deployment, resolved by docker-compose.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, ensureDockerCompose } from './docker-compose-cli.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const appDir = join(root, 'examples/bot');
const ENV = 'POSTGRES_PASSWORD=p\nREDIS_PASSWORD=r\nDISCORD_BOT_TOKEN=t\nGRAFANA_ADMIN_PASSWORD=g\n';

interface Service {
  ports?: string[];
  networks?: Record<string, unknown>;
  environment?: Record<string, string>;
  volumes?: { source: string; target: string }[];
}

describe('examples/bot/docker-compose.monitoring.yml', () => {
  let services: Record<string, Service>;
  beforeAll(async () => {
    ensureDockerCompose();
    services = (parse(await composeConfig(appDir, ['docker-compose.yml', 'docker-compose.monitoring.yml'], ENV)) as { services: Record<string, Service> })
      .services;
  }, 300_000);

  it('GIVEN the override THEN metrics are on for bot and API, whose ports stay unpublished, and Prometheus is on intranet only', () => {
    expect(services.api!.environment!.METRICS_ENABLED).toBe('true');
    expect(services.bot!.environment!.METRICS_ENABLED).toBe('true');
    expect(services.api!.environment!.NODE_ENV).toBe('production');
    for (const name of ['api', 'bot', 'prometheus', 'postgres', 'redis']) expect(services[name]!.ports ?? [], name).toEqual([]);
    expect(Object.keys(services.prometheus!.networks!)).toEqual(['intranet']);
    expect(Object.keys(services.web!.networks!).sort()).toEqual(['internet', 'intranet']);
  });

  it('GIVEN Grafana THEN it listens on the host loopback only and provisions the dashboard from docs/grafana', () => {
    // docker-compose 1.29 resolves ports to the short form host_ip:published:target/protocol.
    expect(services.grafana!.ports).toEqual(['127.0.0.1:3001:3000/tcp']);
    const volumes = (services.grafana!.volumes ?? []) as unknown as (string | { source: string; target: string })[];
    const mounts = Object.fromEntries(
      volumes.map((volume) => (typeof volume === 'string' ? [volume.split(':')[1]!, volume.split(':')[0]!] : [volume.target, volume.source])),
    );
    expect(mounts['/var/lib/grafana/dashboards']).toBe(join(root, 'docs/grafana'));
    expect(mounts['/etc/grafana/provisioning']).toBe(join(root, 'deploy/monitoring/grafana/provisioning'));
    const provider = parse(readFileSync(join(root, 'deploy/monitoring/grafana/provisioning/dashboards/baseline.yml'), 'utf8')) as {
      providers: { options: { path: string } }[];
    };
    expect(provider.providers[0]!.options.path).toBe('/var/lib/grafana/dashboards');
  });

  it('GIVEN the scrape config THEN it scrapes the API port and the bot health port of services that exist', () => {
    const config = parse(readFileSync(join(root, 'deploy/monitoring/prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; metrics_path: string; dns_sd_configs: { names: string[]; port: number }[] }[];
    };
    const jobs = Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job]));
    expect(jobs['baseline-api']!.dns_sd_configs[0]).toMatchObject({ names: ['api'], port: Number(services.api!.environment!.API_PORT) });
    expect(jobs['baseline-bot']!.dns_sd_configs[0]!.port).toBe(Number(services.bot!.environment!.HEALTH_PORT));
    expect(jobs['baseline-bot']!.dns_sd_configs[0]!.names).toContain('bot');
    for (const job of config.scrape_configs) expect(job.metrics_path).toBe('/metrics');
  });
});
