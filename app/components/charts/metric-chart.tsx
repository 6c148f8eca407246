import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { PALETTE } from "./palette";

export type MetricChartProps = {
  values: { date: string; value: number }[];
  baseline: number;
  target: number;
  targetDate: string;
  lang: string;
  /** A small multiple: same scale rules, no axis labels beyond the ends, short height. */
  compact?: boolean;
  labels: { values: string; target: string; baseline: string; targetDate: string };
};

/** About `count` ticks on first days of months between two instants (UTC ms), so the axis spans the target date. */
function monthTicks(start: number, end: number, count: number): number[] {
  const from = new Date(start);
  const months = (new Date(end).getUTCFullYear() - from.getUTCFullYear()) * 12 + new Date(end).getUTCMonth() - from.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / count));
  const ticks: number[] = [];
  for (let m = 1; m <= months; m += step) ticks.push(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + m, 1));
  return ticks;
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * A metric's values over time: the values solid, the target dashed, the baseline faint, the target
 * date as a dotted rule. Client only (lazy.tsx); the page has the same numbers in a table.
 */
export default function MetricChart({ values, baseline, target, targetDate, lang, compact = false, labels }: MetricChartProps) {
  const data = values.map((v) => ({ x: day(v.date), value: v.value }));
  const end = day(targetDate);
  const start = data.length > 0 ? Math.min(data[0]!.x, end) : end - 365 * 86_400_000;
  const last = Math.max(end, data.at(-1)?.x ?? end);
  const month = new Intl.DateTimeFormat(lang, { month: "short", year: "2-digit", timeZone: "UTC" });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const height = compact ? 140 : 320;
  return (
    <div>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 12, right: compact ? 8 : 24, left: compact ? -12 : 0, bottom: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke={PALETTE.line} vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={[start, last]}
            tickFormatter={(x: number) => month.format(x)}
            tick={{ fill: PALETTE.inkSoft, fontSize: compact ? 10 : 12 }}
            ticks={compact ? [start, last] : monthTicks(start, last, 6)}
          />
          <YAxis domain={["auto", "auto"]} tickFormatter={(y: number) => number.format(y)} tick={{ fill: PALETTE.inkSoft, fontSize: compact ? 10 : 12 }} width={compact ? 44 : 56} />
          <ReferenceLine y={baseline} stroke={PALETTE.inkSoft} strokeOpacity={0.5} strokeWidth={1.5} ifOverflow="extendDomain" />
          <ReferenceLine y={target} stroke={PALETTE.accent} strokeWidth={2} strokeDasharray="6 4" ifOverflow="extendDomain" />
          <ReferenceLine x={end} stroke={PALETTE.accent} strokeOpacity={0.6} strokeDasharray="2 3" />
          <Line dataKey="value" name={labels.values} stroke={PALETTE.ideal} strokeWidth={2.5} dot={{ r: compact ? 2 : 3.5, fill: PALETTE.ideal }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {compact ? null : (
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-hidden="true">
          <li className="flex items-center gap-2">
            <Swatch stroke={PALETTE.ideal} /> {labels.values}
          </li>
          <li className="flex items-center gap-2">
            <Swatch stroke={PALETTE.accent} dash="6 4" /> {labels.target}
          </li>
          <li className="flex items-center gap-2">
            <Swatch stroke={PALETTE.inkSoft} opacity={0.5} /> {labels.baseline}
          </li>
          <li className="flex items-center gap-2">
            <Swatch stroke={PALETTE.accent} dash="2 3" opacity={0.6} /> {labels.targetDate}
          </li>
        </ul>
      )}
    </div>
  );
}

function Swatch({ stroke, dash, opacity = 1 }: { stroke: string; dash?: string; opacity?: number }) {
  return (
    <svg width="28" height="10" aria-hidden="true">
      <line x1="0" y1="5" x2="28" y2="5" stroke={stroke} strokeWidth="2.5" strokeDasharray={dash} strokeOpacity={opacity} />
    </svg>
  );
}
