import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { legendText } from "./legend";
import { PALETTE } from "./palette";

export type MaturityLineProps = {
  points: { name: string; overall: number | null; categories: Record<string, number | null> }[];
  series: { key: string; name: string }[];
  overallLabel: string;
};

/** Overall and per-category maturity index across locked assessments. Client only. */
export default function MaturityLine({ points, series, overallLabel }: MaturityLineProps) {
  const data = points.map((p) => ({ name: p.name, overall: p.overall, ...p.categories }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={data} margin={{ top: 8, right: 24, left: 0, bottom: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={PALETTE.line} />
        <XAxis dataKey="name" tick={{ fill: PALETTE.ink, fontSize: 12 }} />
        <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} tick={{ fill: PALETTE.inkSoft, fontSize: 12 }} />
        <Line type="monotone" dataKey="overall" name={overallLabel} stroke={PALETTE.ink} strokeWidth={3} isAnimationActive={false} />
        {series.map((s, i) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={PALETTE.series[i % PALETTE.series.length]} strokeWidth={1.5} strokeDasharray={i % 2 ? "5 3" : undefined} isAnimationActive={false} />
        ))}
        <Legend itemSorter={null} formatter={legendText} />
      </LineChart>
    </ResponsiveContainer>
  );
}
