import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { niceScale } from "./nice-scale";
import { PALETTE } from "./palette";

export type MetricChartProps = {
  values: { date: string; value: number }[];
  baseline: number;
  target: number;
  targetDate: string;
  lang: string;
  /** A small multiple: same scale rules, no axis labels beyond the ends, short height. */
  compact?: boolean;
  labels: { values: string; target: string; baseline: string; targetDate: string; start?: string; finish?: string; review?: string };
  /** Linked initiatives' starts, finishes (target dates) and reviews held: a glyph on the time axis and a faint guide. */
  markers?: readonly { kind: MarkerKind; date: string }[];
};

export type MarkerKind = "start" | "finish" | "review";

const MARKER_COLOR: Record<MarkerKind, string> = { start: PALETTE.ideal, finish: PALETTE.ink, review: PALETTE.accent };

/** A different shape per kind, so the marks are told apart without their colour. */
function Glyph({ kind, x, y }: { kind: MarkerKind; x: number; y: number }) {
  const fill = MARKER_COLOR[kind];
  if (kind === "start") return <path d={`M${x},${y - 6} L${x + 6},${y + 5} L${x - 6},${y + 5} Z`} fill={fill} />;
  if (kind === "finish") return <rect x={x - 5} y={y - 5} width={10} height={10} fill={fill} />;
  return <path d={`M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`} fill={fill} />;
}

function markerShape(kind: MarkerKind) {
  return function MarkerLine({ x1, y1, y2 }: { x1: number; y1: number; y2: number }) {
    const bottom = Math.max(y1, y2);
    return (
      <g>
        <line x1={x1} x2={x1} y1={Math.min(y1, y2)} y2={bottom} stroke={MARKER_COLOR[kind]} strokeOpacity={0.35} strokeDasharray="2 4" />
        <Glyph kind={kind} x={x1} y={bottom - 7} />
      </g>
    );
  };
}

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
export default function MetricChart({ values, baseline, target, targetDate, lang, compact = false, labels, markers = [] }: MetricChartProps) {
  const data = values.map((v) => ({ x: day(v.date), value: v.value }));
  const end = day(targetDate);
  const start = data.length > 0 ? Math.min(data[0]!.x, end) : end - 365 * 86_400_000;
  const last = Math.max(end, data.at(-1)?.x ?? end);
  const month = new Intl.DateTimeFormat(lang, { month: "short", year: "numeric", timeZone: "UTC" });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const height = compact ? 140 : 320;
  // Round ticks around the values, the baseline and the target (the reference lines no longer stretch the axis).
  const y = niceScale([...values.map((v) => v.value), baseline, target], compact ? 3 : 4);
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
          <YAxis domain={y.domain} ticks={y.ticks} tickFormatter={(tick: number) => number.format(tick)} tick={{ fill: PALETTE.inkSoft, fontSize: compact ? 10 : 12 }} width={compact ? 44 : 56} />
          <ReferenceLine y={baseline} stroke={PALETTE.inkSoft} strokeOpacity={0.5} strokeWidth={1.5} />
          <ReferenceLine y={target} stroke={PALETTE.accent} strokeWidth={2} strokeDasharray="6 4" />
          <ReferenceLine x={end} stroke={PALETTE.accent} strokeOpacity={0.6} strokeDasharray="2 3" />
          {markers.map((m, i) => (
            <ReferenceLine key={`${m.kind}-${m.date}-${i}`} x={day(m.date)} shape={markerShape(m.kind)} />
          ))}
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
          {(["start", "finish", "review"] as const)
            .filter((kind) => markers.some((m) => m.kind === kind))
            .map((kind) => (
              <li key={kind} className="flex items-center gap-2">
                <svg width="14" height="14" aria-hidden="true">
                  <Glyph kind={kind} x={7} y={7} />
                </svg>{" "}
                {labels[kind]}
              </li>
            ))}
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
