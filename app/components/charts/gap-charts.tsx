import { useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { legendText } from "./legend";
import { PALETTE } from "./palette";
import { wrapWords } from "~/utils/wrap-words";

export type GapChartsProps = {
  labels: { current: string; ideal: string; gap: string; byCategory: string; byCapability: string; gaps: string; chooseCategory: string };
  categories: { key: string; name: string; current: number | null; ideal: number | null }[];
  rows: { capabilityKey: string; categoryKey: string; name: string; current: number | null; ideal: number | null; gap: number | null; priority: number | null }[];
};

const CURRENT = { stroke: PALETTE.current, fill: PALETTE.current, fillOpacity: 0.45, strokeWidth: 2 };
// Ideal is always an outline with a dashed line, current always solid (DESIGN.md).
const IDEAL = { stroke: PALETTE.ideal, fill: "none", fillOpacity: 0, strokeWidth: 2.5, strokeDasharray: "6 4" };

type TickProps = { x?: number | string; y?: number | string; cy?: number; textAnchor?: "start" | "end" | "middle" | "inherit"; payload?: { value?: unknown } };

/**
 * A radar's capability or category name, wrapped onto short lines so a long name ("Productos y
 * servicios centrados en el cliente") stays inside the card instead of running off its edge. The
 * lines grow away from the centre: upwards above it, downwards below it.
 */
function angleTick(width: number, fontSize: number) {
  return function AngleTick({ x = 0, y = 0, cy = 0, textAnchor = "middle", payload }: TickProps) {
    const lines = wrapWords(String(payload?.value ?? ""), width);
    const lineHeight = fontSize * 1.2;
    const top = Number(y);
    const shift = top < cy - 4 ? -(lines.length - 1) * lineHeight : top > cy + 4 ? fontSize * 0.4 : (-(lines.length - 1) * lineHeight) / 2;
    return (
      <text x={x} y={top + shift} textAnchor={textAnchor} fill={PALETTE.ink} fontSize={fontSize} dominantBaseline="central">
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

/** A capability's name beside its gap bar, wrapped onto lines centred on the bar. */
function nameTick(width: number, fontSize: number) {
  return function NameTick({ x = 0, y = 0, payload }: TickProps) {
    const lines = wrapWords(String(payload?.value ?? ""), width);
    const lineHeight = fontSize * 1.15;
    return (
      <text x={Number(x) - 4} y={Number(y) - ((lines.length - 1) * lineHeight) / 2} textAnchor="end" fill={PALETTE.ink} fontSize={fontSize} dominantBaseline="central">
        {lines.map((line, i) => (
          <tspan key={i} x={Number(x) - 4} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

const WIDE = { tick: angleTick(20, 12), outerRadius: "60%", margin: 72, height: 380 };
const NARROW = { tick: angleTick(11, 10), outerRadius: "44%", margin: 4, height: 340 };

const NAME_TICK = nameTick(40, 12);
const PHONE_NAME_TICK = nameTick(22, 10);

function LevelRadar({ data, labels }: { data: { name: string; current: number | null; ideal: number | null }[]; labels: GapChartsProps["labels"] }) {
  // Client-only component: the window is there. A phone's card is narrow: shorter lines, a smaller radar.
  const fit = window.innerWidth < 640 ? NARROW : WIDE;
  return (
    <ResponsiveContainer width="100%" height={fit.height}>
      <RadarChart data={data} outerRadius={fit.outerRadius} margin={{ top: 8, right: fit.margin, bottom: 8, left: fit.margin }} accessibilityLayer={false}>
        <PolarGrid stroke={PALETTE.line} />
        <PolarAngleAxis dataKey="name" tick={fit.tick} />
        {/* The level scale runs between the first two spokes, clear of the top name. */}
        <PolarRadiusAxis domain={[0, 4]} tickCount={5} angle={90 - 180 / Math.max(data.length, 1)} tick={{ fill: PALETTE.inkSoft, fontSize: 10 }} />
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
  // Client-only component: the window is there. Phones get narrower capability names, on more lines.
  const phone = window.innerWidth < 640;
  const labelWidth = phone ? 124 : 260;
  const rowHeight = phone ? 36 : 28;
  const bars = rows
    .filter((r) => r.gap !== null)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || (b.gap ?? 0) - (a.gap ?? 0))
    .map((r) => ({ name: r.name, gap: r.gap }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="card p-4">
        <figcaption className="font-bold">{labels.byCategory}</figcaption>
        <div aria-hidden="true">
          <LevelRadar data={categories} labels={labels} />
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
          <LevelRadar data={capabilities} labels={labels} />
        </div>
      </figure>
      <figure className="card p-4 lg:col-span-2">
        <figcaption className="font-bold">{labels.gaps}</figcaption>
        <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(220, bars.length * rowHeight + 40)}>
          <BarChart data={bars} layout="vertical" margin={{ left: 16, right: 32 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={PALETTE.line} />
            <XAxis type="number" domain={[0, 3]} ticks={[0, 1, 2, 3]} tick={{ fill: PALETTE.inkSoft, fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={labelWidth} interval={0} tick={phone ? PHONE_NAME_TICK : NAME_TICK} />
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
