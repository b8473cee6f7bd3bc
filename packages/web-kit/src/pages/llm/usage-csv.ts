/** A breakdown point as the API returns it. */
export interface UsagePoint {
  period: string;
  key: string;
  requests: number;
  total_tokens: string;
  cost_usd: string;
}

const quote = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));

/** The series as CSV (RFC 4180 quoting), one row per period and key; costs stay exact decimal strings. */
export function usageCsv(dimension: string, points: readonly UsagePoint[]): string {
  const rows = points.map((point) => [point.period, point.key, point.requests, point.total_tokens, point.cost_usd].map(quote).join(','));
  return [`period,${dimension},requests,total_tokens,cost_usd`, ...rows].join('\n') + '\n';
}

/**
 * Chart rows: one per period, one numeric column per key (recharts' shape). Costs become numbers here, for
 * plotting only; tables and the CSV keep the decimal strings.
 */
export function pivotUsage(
  points: readonly UsagePoint[],
  measure: 'cost_usd' | 'total_tokens',
): { rows: Array<Record<string, number | string>>; keys: string[] } {
  const keys = [...new Set(points.map((point) => point.key))];
  const byPeriod = new Map<string, Record<string, number | string>>();
  for (const point of points) {
    const row = byPeriod.get(point.period) ?? { period: point.period.slice(0, 10) };
    row[point.key] = Number(point[measure]);
    byPeriod.set(point.period, row);
  }
  return { rows: [...byPeriod.values()], keys };
}
