import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * A Prometheus registry of one component (the API, a bot process) with the process's default metrics, and
 * declarations that register on it. A registry per component keeps two of them in one process (tests, the demo)
 * from colliding on metric names.
 */
export interface MetricsRegistry {
  readonly registry: Registry;
  /** A counter, optionally labelled. */
  counter<L extends string = never>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
  /** A histogram with its buckets in seconds (or whatever unit `name` says). */
  histogram<L extends string = never>(name: string, help: string, labelNames: readonly L[], buckets: readonly number[]): Histogram<L>;
  /** A gauge set by `collect` when the registry is scraped, so its value is read from the source, never kept twice. */
  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => void): Gauge<L>;
}

/**
 * Creates a {@link MetricsRegistry}: the one way baseline's packages declare their Prometheus metrics.
 *
 * @example
 * ```ts
 * const metrics = createMetricsRegistry();
 * const requests = metrics.counter('baseline_api_requests_total', 'Requests answered.', ['method', 'status']);
 * requests.inc({ method: 'GET', status: '200' });
 * const text = await metrics.registry.metrics();
 * ```
 */
export function createMetricsRegistry(): MetricsRegistry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames, registers }),
    histogram: (name, help, labelNames, buckets) => new Histogram({ name, help, labelNames, buckets: [...buckets], registers }),
    gauge: (name, help, labelNames, collect) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        collect() {
          collect(this);
        },
      }),
  };
}
