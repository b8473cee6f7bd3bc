// The load generator of the API benchmark, run in its own Node process so autocannon's CPU is not taken from the
// server's event loop (on two cores the two otherwise compete for one thread). Reads one load as JSON from argv,
// prints the result as one JSON line. Plain erasable TypeScript: Node runs it without a loader.
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'PUT';
  headers: Record<string, string>;
  /** Bodies sent in turn, one per request (a single body for every request when it has one entry). */
  bodies: string[];
  /** Several URLs, one drawn at random per request (overrides `url`), e.g. to spread writes over guilds. */
  paths?: string[];
  /** Several header sets, one drawn at random per request (replacing `headers`), e.g. the sessions of many users. */
  headerSets?: Array<Record<string, string>>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

const request = JSON.parse(process.argv[2]!) as LoadRequest;
const times: number[] = [];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
// Paths and header sets are drawn at random for each request: autocannon starts every connection at the first entry
// of a fixed list, so the connections would walk it in step and each moment would see only one or two of its entries.
const requests =
  request.paths !== undefined || request.headerSets !== undefined || request.bodies.length > 1
    ? Array.from({ length: Math.max(1, request.bodies.length) }, (_, index) => ({
        method: request.method,
        ...(request.bodies.length > 0 ? { body: request.bodies[index % request.bodies.length]! } : {}),
        setupRequest: (prepared: Record<string, unknown>) => ({
          ...prepared,
          ...(request.paths ? { path: pick(request.paths) } : {}),
          ...(request.headerSets
            ? { headers: { ...pick(request.headerSets), ...(request.bodies.length > 0 ? { 'content-type': 'application/json' } : {}) } }
            : {}),
        }),
      }))
    : undefined;
const instance = autocannon(
  {
    url: request.url,
    method: request.method,
    connections: request.connections,
    duration: request.durationSeconds,
    headers: { ...request.headers, ...(request.bodies.length > 0 ? { 'content-type': 'application/json' } : {}) },
    ...(request.bodies.length === 1 && requests === undefined ? { body: request.bodies[0] } : {}),
    ...(requests ? { requests } : {}),
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    // Exact percentiles from every response time: autocannon's histogram reports p97.5, not p95.
    const sorted = Float64Array.from(times).sort();
    const out: LoadResult = {
      requests: sorted.length,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => void times.push(responseTime));
