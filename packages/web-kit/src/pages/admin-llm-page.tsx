import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { dataOf } from '../client/api-request-error.js';
import { Button } from '../ui/button.js';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.js';
import { Label, Select } from '../ui/input.js';
import { EmptyState } from '../ui/states.js';
import { Table, Td, Th } from '../ui/table.js';
import { PricingEditor } from './llm/pricing-editor.js';
import { UsageChart } from './llm/usage-chart.js';
import { pivotUsage, usageCsv } from './llm/usage-csv.js';
import { QueryBoundary } from './query-boundary.js';

type Granularity = 'day' | 'week' | 'month';
type Dimension = 'provider' | 'model' | 'guild' | 'cog';
const RANGE_DAYS: Record<Granularity, number> = { day: 30, week: 12 * 7, month: 365 };

/**
 * `/admin/llm` (developer team): cost and tokens over time split by provider, model, guild or cog; per day,
 * week or month; totals, unpriced requests, top guilds, a CSV export and the pricing editor. Three requests:
 * summary, breakdown, models.
 */
export default function AdminLlmPage() {
  usePageTitle('LLM costs');
  const { api } = useDashboard();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [by, setBy] = useState<Dimension>('provider');
  // Whole days, so a refetch asks for the same range and the query key stays put.
  const to = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000);
  const from = new Date(to.getTime() - RANGE_DAYS[granularity] * 86_400_000);
  const range = { from: from.toISOString(), to: to.toISOString(), granularity };
  const summary = useQuery({
    queryKey: ['llm', 'summary', range],
    queryFn: () => dataOf(api.client.GET('/api/v1/llm/usage/summary', { params: { query: range } })),
  });
  const breakdown = useQuery({
    queryKey: ['llm', 'breakdown', range, by],
    queryFn: () => dataOf(api.client.GET('/api/v1/llm/usage/breakdown', { params: { query: { ...range, by } } })),
  });
  const models = useQuery({ queryKey: ['llm', 'models'], queryFn: () => dataOf(api.client.GET('/api/v1/llm/models')) });

  const download = () => {
    const csv = usageCsv(by, breakdown.data?.series ?? []);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `llm-usage-${by}-${granularity}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">LLM costs</h1>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label htmlFor="granularity">Period</Label>
          <Select id="granularity" className="w-32" value={granularity} onChange={(event) => setGranularity(event.target.value as Granularity)}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="dimension">Split by</Label>
          <Select id="dimension" className="w-32" value={by} onChange={(event) => setBy(event.target.value as Dimension)}>
            <option value="provider">Provider</option>
            <option value="model">Model</option>
            <option value="guild">Guild</option>
            <option value="cog">Cog</option>
          </Select>
        </div>
        <Button variant="outline" onClick={download} disabled={!breakdown.data}>
          Export CSV
        </Button>
      </div>
      <QueryBoundary queries={[summary, breakdown, models]}>
        {(summaryData, breakdownData, modelsData) => {
          const totals = summaryData.totals;
          const data = breakdownData;
          const cost = pivotUsage(data.series, 'cost_usd');
          const tokens = pivotUsage(data.series, 'total_tokens');
          return (
            <>
              <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
                {[
                  ['Requests', String(totals.requests)],
                  ['Tokens', totals.total_tokens],
                  ['Cost (USD)', totals.cost_usd],
                  ['Unpriced requests', String(data.unpriced_requests)],
                ].map(([label, value]) => (
                  <div key={label} className="rounded-lg border border-border p-3">
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="text-lg font-semibold" data-metric={label}>
                      {value}
                    </dd>
                  </div>
                ))}
              </dl>
              {data.series.length === 0 ? (
                <EmptyState title="No LLM requests in this range" />
              ) : (
                <div className="grid gap-4 lg:grid-cols-2">
                  <Card>
                    <CardHeader>
                      <CardTitle>Cost (USD) per {granularity}</CardTitle>
                    </CardHeader>
                    <CardContent>
                      <UsageChart kind="bar" label={`Cost per ${granularity} by ${by}`} rows={cost.rows} keys={cost.keys} />
                    </CardContent>
                  </Card>
                  <Card>
                    <CardHeader>
                      <CardTitle>Tokens per {granularity}</CardTitle>
                    </CardHeader>
                    <CardContent>
                      <UsageChart kind="line" label={`Tokens per ${granularity} by ${by}`} rows={tokens.rows} keys={tokens.keys} />
                    </CardContent>
                  </Card>
                </div>
              )}
              <Card>
                <CardHeader>
                  <CardTitle>Top guilds</CardTitle>
                </CardHeader>
                <CardContent>
                  {data.top_guilds.length === 0 ? (
                    <EmptyState title="No guild usage yet" />
                  ) : (
                    <Table>
                      <thead>
                        <tr>
                          <Th>Guild</Th>
                          <Th>Requests</Th>
                          <Th>Tokens</Th>
                          <Th>Cost (USD)</Th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.top_guilds.map((row) => (
                          <tr key={row.key}>
                            <Td>{row.label}</Td>
                            <Td>{row.requests}</Td>
                            <Td>{row.total_tokens}</Td>
                            <Td>{row.cost_usd}</Td>
                          </tr>
                        ))}
                      </tbody>
                    </Table>
                  )}
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Model pricing</CardTitle>
                </CardHeader>
                <CardContent>
                  {modelsData.models.length === 0 ? (
                    <EmptyState title="No priced model yet" />
                  ) : (
                    <details>
                      <summary className="cursor-pointer text-sm">Edit the prices of {modelsData.models.length} models (USD per 1k tokens)</summary>
                      <PricingEditor models={modelsData.models} />
                    </details>
                  )}
                </CardContent>
              </Card>
            </>
          );
        }}
      </QueryBoundary>
    </section>
  );
}
