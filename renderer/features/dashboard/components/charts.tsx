// The dashboard's charts (recharts), all fed in major units of the base currency or counts.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export type Series = { key: string; name: string; color: string; stack?: string };

// Colours that stay apart for the common kinds of colour blindness (Okabe–Ito).
export const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#999999',
];

const HEIGHT = 240;

export const BarsChart = ({
  data,
  category,
  series,
  layout = 'horizontal',
}: {
  data: Record<string, string | number>[];
  category: string;
  series: Series[];
  layout?: 'horizontal' | 'vertical';
}) => (
  <ResponsiveContainer width="100%" height={HEIGHT}>
    <BarChart data={data} layout={layout} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" />
      {layout === 'horizontal' ? (
        <>
          <XAxis dataKey={category} />
          <YAxis />
        </>
      ) : (
        <>
          <XAxis type="number" />
          <YAxis type="category" dataKey={category} width={140} />
        </>
      )}
      <Tooltip />
      <Legend />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          fill={s.color}
          isAnimationActive={false}
          {...(s.stack === undefined ? {} : { stackId: s.stack })}
        />
      ))}
    </BarChart>
  </ResponsiveContainer>
);

/** Stacked bars per category with one line over them (the forecast's weighted revenue). */
export const BarsWithLineChart = ({
  data,
  category,
  series,
  line,
}: {
  data: Record<string, string | number>[];
  category: string;
  series: Series[];
  line: Series;
}) => (
  <ResponsiveContainer width="100%" height={HEIGHT}>
    <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey={category} />
      <YAxis />
      <Tooltip />
      <Legend />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          fill={s.color}
          stackId="stack"
          isAnimationActive={false}
        />
      ))}
      <Line
        dataKey={line.key}
        name={line.name}
        stroke={line.color}
        strokeWidth={2}
        isAnimationActive={false}
      />
    </ComposedChart>
  </ResponsiveContainer>
);
