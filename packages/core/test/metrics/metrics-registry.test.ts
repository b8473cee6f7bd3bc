import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from '../../src/index.js';

describe('createMetricsRegistry', () => {
  it('GIVEN a counter, a histogram and a gauge THEN the exposition text has each with its labels AND the default process metrics', async () => {
    const metrics = createMetricsRegistry();
    metrics.counter('test_requests_total', 'Requests.', ['method']).inc({ method: 'GET' }, 2);
    metrics.histogram('test_seconds', 'Durations.', ['route'], [0.1, 1]).observe({ route: '/a' }, 0.5);
    let reads = 0;
    metrics.gauge('test_depth', 'Read when scraped.', [], (gauge) => gauge.set(++reads));

    const text = await metrics.registry.metrics();
    expect(text).toContain('test_requests_total{method="GET"} 2');
    expect(text).toContain('test_seconds_bucket{le="0.1",route="/a"} 0');
    expect(text).toContain('test_seconds_bucket{le="1",route="/a"} 1');
    expect(text).toContain('test_depth 1');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(await metrics.registry.metrics()).toContain('test_depth 2');
  });

  it('GIVEN two registries in one process THEN the same metric name is declared on each without a collision', () => {
    const first = createMetricsRegistry();
    const second = createMetricsRegistry();
    first.counter('test_shared_total', 'Shared.');
    expect(() => second.counter('test_shared_total', 'Shared.')).not.toThrow();
    expect(() => first.counter('test_shared_total', 'Shared.')).toThrow(/already been registered/);
  });
});
