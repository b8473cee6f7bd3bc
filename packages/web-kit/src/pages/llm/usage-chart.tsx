import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// Distinct hues readable on light and dark backgrounds.
const COLORS = ['#6366f1', '#10b981', '#f59e0b', '#ef4444', '#06b6d4', '#a855f7', '#84cc16', '#ec4899'];

/** Cost (stacked bars) or tokens (lines) per period, one series per key. */
export function UsageChart({ kind, rows, keys, label }: { kind: 'bar' | 'line'; rows: Array<Record<string, number | string>>; keys: string[]; label: string }) {
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />,
    <XAxis key="x" dataKey="period" stroke="currentColor" fontSize={12} />,
    <YAxis key="y" stroke="currentColor" fontSize={12} width={70} />,
    <Tooltip key="tooltip" contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)' }} />,
    <Legend key="legend" />,
  ];
  return (
    <figure aria-label={label} className="h-64 w-full text-muted-foreground">
      <ResponsiveContainer width="100%" height="100%">
        {kind === 'bar' ? (
          <BarChart data={rows}>
            {axes}
            {keys.map((key, index) => (
              <Bar key={key} dataKey={key} stackId="a" fill={COLORS[index % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart data={rows}>
            {axes}
            {keys.map((key, index) => (
              <Line key={key} dataKey={key} stroke={COLORS[index % COLORS.length]} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
