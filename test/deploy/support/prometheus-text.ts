import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** One sample of a scraped family: labels and value (histograms: count and sum). */
export interface Sample {
  labels: Record<string, string>;
  value?: string;
  count?: string;
  sum?: string;
  buckets?: Record<string, string>;
}

/** A scraped metric family. */
export interface Family {
  name: string;
  help: string;
  type: string;
  metrics: Sample[];
}

/** Fetches `url` and parses it with a Prometheus text-format parser, failing on anything but 200. */
export async function scrape(url: string): Promise<Map<string, Family>> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain')) throw new Error(`GET ${url}: content-type ${type}`);
  const families = (parsePrometheusTextFormat as (text: string) => Family[])(countsAsCounters(await response.text()));
  return new Map(families.map((family) => [family.name, family]));
}

/**
 * parse-prometheus-text-format 1.1.1 merges a histogram's series into one sample without labels, so labelled
 * histograms lose their labels and counts. Each histogram's `_count` lines are moved into a counter family of
 * their own (`<name>_count`), which the parser reads with labels; buckets and sums stay with the histogram.
 */
function countsAsCounters(text: string): string {
  const histograms = [...text.matchAll(/^# TYPE (\S+) histogram$/gm)].map((match) => match[1]!);
  const lines = text.split('\n');
  const moved: string[] = [];
  for (const name of histograms) {
    const counts = lines.filter((line) => line.startsWith(`${name}_count{`) || line.startsWith(`${name}_count `));
    moved.push(`# HELP ${name}_count Observations of ${name}.`, `# TYPE ${name}_count counter`, ...counts);
  }
  const countLines = new Set(moved);
  return [...lines.filter((line) => line !== '' && !countLines.has(line)), ...moved, ''].join('\n');
}

/**
 * The value of the sample of `name` whose labels include `labels`, or 0 when there is none. For a histogram's
 * observation count ask for `<name>_count`.
 */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  const sample = family?.metrics.find((candidate) => Object.entries(labels).every(([key, value]) => candidate.labels?.[key] === value));
  if (sample === undefined) return 0;
  return Number(sample.value);
}
