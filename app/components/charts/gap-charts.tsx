import { useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { legendText } from "./legend";
import { PALETTE } from "./palette";

export type GapChartsProps = {
  labels: { current: string; ideal: string; gap: string; byCategory: string; byCapability: string; gaps: string; chooseCategory: string };
  categories: { key: string; name: string; current: number | null; ideal: number | null }[];
  rows: { capabilityKey: string; categoryKey: string; name: string; current: number | null; ideal: number | null; gap: number | null; priority: number | null }[];
};

const CURRENT = { stroke: PALETTE.current, fill: PALETTE.current, fillOpacity: 0.45, strokeWidth: 2 };
// Ideal is always an outline with a dashed line, current always solid (DESIGN.md).
const IDEAL = { stroke: PALETTE.ideal, fill: "none", fillOpacity: 0, strokeWidth: 2.5, strokeDasharray: "6 4" };

function LevelRadar({ data, labels, height }: { data: { name: string; current: number | null; ideal: number | null }[]; labels: GapChartsProps["labels"]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RadarChart data={data} outerRadius="58%" margin={{ top: 8, right: 48, bottom: 8, left: 48 }} accessibilityLayer={false}>
        <PolarGrid stroke={PALETTE.line} />
        <PolarAngleAxis dataKey="name" tick={{ fill: PALETTE.ink, fontSize: 12 }} />
        <PolarRadiusAxis domain={[0, 4]} tickCount={5} angle={90} tick={{ fill: PALETTE.inkSoft, fontSize: 11 }} />
        <Radar name={labels.current} dataKey="current" isAnimationActive={false} legendType="square" {...CURRENT} />
        <Radar name={labels.ideal} dataKey="ideal" isAnimationActive={false} legendType="plainline" {...IDEAL} />
        <Legend itemSorter={null} formatter={legendText} />
      </RadarChart>
    </ResponsiveContainer>
  );
}

/** Radar per category, radar per capability of a chosen category, and the gap bars. Client only. */
export default function GapCharts({ labels, categories, rows }: GapChartsProps) {
  const [category, setCategory] = useState(categories[0]?.key ?? "");
  const capabilities = rows.filter((r) => r.categoryKey === category).map((r) => ({ name: r.name, current: r.current, ideal: r.ideal }));
  // Client-only component: the window is there. Phones get narrower capability labels.
  const labelWidth = window.innerWidth < 640 ? 120 : 220;
  const bars = rows
    .filter((r) => r.gap !== null)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || (b.gap ?? 0) - (a.gap ?? 0))
    .map((r) => ({ name: r.name, gap: r.gap }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="card p-4">
        <figcaption className="font-bold">{labels.byCategory}</figcaption>
        <div aria-hidden="true">
          <LevelRadar data={categories} labels={labels} height={340} />
        </div>
      </figure>
      <figure className="card p-4">
        <figcaption className="flex flex-wrap items-center justify-between gap-2 font-bold">
          {labels.byCapability}
          <span className="flex flex-wrap gap-1" role="group" aria-label={labels.chooseCategory}>
            {categories.map((c) => (
              <button
                key={c.key}
                type="button"
                aria-pressed={c.key === category}
                onClick={() => setCategory(c.key)}
                className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${c.key === category ? "border-primary bg-primary text-white" : "border-line"}`}
              >
                {c.name}
              </button>
            ))}
          </span>
        </figcaption>
        <div aria-hidden="true">
          <LevelRadar data={capabilities} labels={labels} height={340} />
        </div>
      </figure>
      <figure className="card p-4 lg:col-span-2">
        <figcaption className="font-bold">{labels.gaps}</figcaption>
        <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(220, bars.length * 26 + 40)}>
          <BarChart data={bars} layout="vertical" margin={{ left: 16, right: 32 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={PALETTE.line} />
            <XAxis type="number" domain={[0, 3]} ticks={[0, 1, 2, 3]} tick={{ fill: PALETTE.inkSoft, fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={labelWidth} tick={{ fill: PALETTE.ink, fontSize: labelWidth < 200 ? 10 : 12 }} />
            <Bar dataKey="gap" name={labels.gap} fill={PALETTE.accent} isAnimationActive={false}>
              <LabelList dataKey="gap" position="right" fill={PALETTE.ink} fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
