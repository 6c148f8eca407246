/**
 * The pieces both PDF reports are made of: an A4 page with a running header (the report, the
 * organization and the section the page belongs to) and page numbers, a table of contents, level
 * chips, tables, a radar and small line charts, all drawn with react-pdf's own primitives.
 */
import { Circle, Line, Link, Page, Path, Polygon, Polyline, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { FONT } from "./fonts";
import { ACCENT, CURRENT, DASH, IDEAL, INK, INK_SOFT, LEVELS, LINE, PRIMARY, levelColor, levelText } from "./theme";
import { wrapWords } from "~/utils/wrap-words";

export const styles = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 9.5, color: INK, paddingTop: 62, paddingBottom: 48, paddingHorizontal: 44, lineHeight: 1.35 },
  header: { position: "absolute", top: 22, left: 44, right: 44, flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 0.75, borderBottomColor: LINE, paddingBottom: 6, fontSize: 8, color: INK_SOFT },
  headerStrong: { color: PRIMARY, fontWeight: 700 },
  // Placed from the top: a fixed element placed by `bottom` whose text is rendered per page vanishes in react-pdf 4.9.
  footer: { position: "absolute", top: 806, left: 44, right: 44, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: INK_SOFT },
  h1: { fontSize: 18, fontWeight: 700, color: PRIMARY, marginBottom: 8 },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 10, marginBottom: 5 },
  lead: { color: INK_SOFT, marginBottom: 8 },
  muted: { color: INK_SOFT },
  small: { fontSize: 8 },
  bold: { fontWeight: 700 },
  row: { flexDirection: "row" },
  card: { borderWidth: 0.75, borderColor: LINE, borderRadius: 3, padding: 8, marginBottom: 8 },
  th: { fontWeight: 700, fontSize: 8, color: INK_SOFT, paddingVertical: 3, paddingHorizontal: 3 },
  td: { paddingVertical: 3, paddingHorizontal: 3 },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: LINE, alignItems: "center" },
  chip: { width: 17, height: 14, borderRadius: 2, alignItems: "center", justifyContent: "center", fontSize: 8, fontWeight: 700, lineHeight: 1 },
  flag: { color: ACCENT, fontWeight: 700 },
});

/** Where each section starts, found by a first layout pass (see renderTwice in worker.ts). */
export type PageMap = Record<string, number>;
export type Section = { id: string; title: string };

export type Frame = {
  report: string;
  organization: string;
  sections: readonly Section[];
  pages: PageMap | null;
  record: (id: string, page: number) => void;
  pageOf: (page: number, total: number) => string;
};

/**
 * A page (or run of pages) of one section. The running header names the section, and its render
 * callback, called for every page with that page's number, notes where the section starts.
 */
export function ReportPage({ frame, section, children }: { frame: Frame; section?: Section; children: ReactNode }) {
  return (
    <Page size="A4" style={styles.page} id={section?.id}>
      {section ? (
        <View fixed style={styles.header}>
          <Text>
            <Text style={styles.headerStrong}>{frame.report}</Text> · {frame.organization}
          </Text>
          <Text
            render={({ pageNumber }) => {
              frame.record(section.id, pageNumber);
              return section.title;
            }}
          />
        </View>
      ) : null}
      <View fixed style={styles.footer}>
        <Text>{frame.organization}</Text>
        <Text render={({ pageNumber, totalPages }) => frame.pageOf(pageNumber, totalPages)} />
      </View>
      {children}
    </Page>
  );
}

/** A section's title and lead, at the top of its first page. */
export function SectionStart({ section, lead }: { section: Section; lead?: string }) {
  return (
    <View wrap={false}>
      <Text style={styles.h1}>{section.title}</Text>
      {lead ? <Text style={styles.lead}>{lead}</Text> : null}
    </View>
  );
}

export function Contents({ frame, title }: { frame: Frame; title: string }) {
  return (
    <View>
      <Text style={styles.h2}>{title}</Text>
      {frame.sections.map((section, i) => (
        <Link key={section.id} src={`#${section.id}`} style={{ color: INK, textDecoration: "none" }}>
          <View style={[styles.row, { borderBottomWidth: 0.5, borderBottomColor: LINE, paddingVertical: 4 }]}>
            <Text style={{ width: 20, color: INK_SOFT }}>{i + 1}</Text>
            <Text style={{ flex: 1 }}>{section.title}</Text>
            <Text style={{ width: 30, textAlign: "right" }}>{frame.pages?.[section.id] ?? ""}</Text>
          </View>
        </Link>
      ))}
    </View>
  );
}

/** A level 1–4 as a small square in the ramp's colour with its number (never colour alone). */
export function LevelChip({ level, dashed = false }: { level: number | null; dashed?: boolean }) {
  if (level === null) return <Text style={[styles.chip, { color: INK_SOFT }]}>–</Text>;
  if (dashed) {
    return (
      <View style={[styles.chip, { borderWidth: 1, borderStyle: "dashed", borderColor: IDEAL }]}>
        <Text>{level}</Text>
      </View>
    );
  }
  return (
    <View style={[styles.chip, { backgroundColor: levelColor(level), color: levelText(level) }]}>
      <Text>{level}</Text>
    </View>
  );
}

export type Column<R> = { header: string; width: number | string; align?: "left" | "right" | "center"; cell: (row: R) => ReactNode };

/** A table whose rows never split across pages; the header repeats on every page it spans. */
export function Table<R>({ columns, rows }: { columns: readonly Column<R>[]; rows: readonly R[] }) {
  const cellStyle = (c: Column<R>) => ({ width: c.width, textAlign: c.align ?? "left", alignItems: c.align === "right" ? ("flex-end" as const) : c.align === "center" ? ("center" as const) : ("flex-start" as const) });
  return (
    <View>
      <View fixed style={[styles.tr, { borderBottomColor: INK_SOFT }]}>
        {columns.map((c, i) => (
          <Text key={i} style={[styles.th, cellStyle(c)]}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={styles.tr} wrap={false}>
          {columns.map((c, i) => {
            const content = c.cell(row);
            return (
              <View key={i} style={[styles.td, cellStyle(c)]}>
                {typeof content === "string" || typeof content === "number" ? <Text>{content}</Text> : content}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

/** The legend every chart shares: current solid, target dashed. */
export function Legend({ current, target }: { current: string; target: string }) {
  return (
    <View style={[styles.row, { alignItems: "center", marginVertical: 4 }]}>
      <Svg width={18} height={8}>
        <Rect x={0} y={1} width={18} height={6} fill={CURRENT} />
      </Svg>
      <Text style={[styles.small, { marginLeft: 4, marginRight: 14 }]}>{current}</Text>
      <Svg width={18} height={8}>
        <Line x1={0} y1={4} x2={18} y2={4} stroke={IDEAL} strokeWidth={1.5} strokeDasharray={DASH} />
      </Svg>
      <Text style={[styles.small, { marginLeft: 4 }]}>{target}</Text>
    </View>
  );
}

export type RadarAxis = { label: string; current: number | null; ideal: number | null };

/**
 * Current (a filled polygon, solid) and target (a dashed outline) on one axis per entry, levels
 * 1–4 as rings. Labels sit outside the rings, wrapped onto lines of at most `labelChars`
 * characters (12, centred, near the top and bottom, where neighbours sit side by side), growing
 * away from the centre.
 */
export function Radar({
  axes,
  size = 240,
  width = size + 150,
  labelChars = 26,
  numbered = false,
}: {
  axes: readonly RadarAxis[];
  size?: number;
  width?: number;
  labelChars?: number;
  /** Many axes: each spoke shows its number (1, 2…) and the caller lists the names in a key (RadarKey). */
  numbered?: boolean;
}) {
  const LINE_HEIGHT = 8;
  const MARGIN = 30;
  const cx = width / 2;
  const cy = size / 2 + MARGIN;
  const radius = size / 2 - 6;
  const n = Math.max(axes.length, 3);
  const at = (i: number, level: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const r = (radius * Math.max(0, level)) / 4;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  };
  const polygon = (pick: (a: RadarAxis) => number | null) => axes.map((a, i) => at(i, pick(a) ?? 0).join(",")).join(" ");
  return (
    <Svg width={width} height={size + 2 * MARGIN}>
      {[1, 2, 3, 4].map((level) => (
        <Polygon key={level} points={axes.map((_, i) => at(i, level).join(",")).join(" ")} fill="none" stroke={LINE} strokeWidth={0.75} />
      ))}
      {axes.map((_, i) => {
        const [x, y] = at(i, 4);
        return <Line key={i} x1={cx} y1={cy} x2={x} y2={y} stroke={LINE} strokeWidth={0.5} />;
      })}
      {[1, 2, 3, 4].map((level) => (
        <Text key={level} x={cx + 2} y={cy - (radius * level) / 4 + 3} style={{ fontFamily: FONT, fontSize: 6, fill: INK_SOFT }}>
          {String(level)}
        </Text>
      ))}
      <Polygon points={polygon((a) => a.current)} fill={CURRENT} fillOpacity={0.45} stroke={CURRENT} strokeWidth={1.5} />
      <Polygon points={polygon((a) => a.ideal)} fill="none" stroke={IDEAL} strokeWidth={1.5} strokeDasharray={DASH} />
      {axes.map((a, i) => {
        const [x, y] = at(i, 4.45);
        // Near the top and bottom neighbours sit side by side: short lines centred on the spoke.
        const upright = Math.abs(x - cx) < radius * 0.45;
        const anchor = upright ? "middle" : x > cx ? "start" : "end";
        const lines = numbered ? [String(i + 1)] : wrapWords(a.label, upright ? Math.min(12, labelChars) : labelChars);
        // Above the centre the lines grow upwards, below it downwards, beside it around the spoke.
        const first = y < cy - 8 ? y + 3 - (lines.length - 1) * LINE_HEIGHT : y > cy + 8 ? y + 5 : y + 3 - ((lines.length - 1) * LINE_HEIGHT) / 2;
        return lines.map((line, l) => (
          <Text key={`${i}-${l}`} x={x} y={first + l * LINE_HEIGHT} textAnchor={anchor} style={{ fontFamily: FONT, fontSize: 7, fill: INK }}>
            {line}
          </Text>
        ));
      })}
    </Svg>
  );
}

/** The names of a numbered radar's spokes, in columns: "1 Business intelligence"… */
export function RadarKey({ labels, columns = 2 }: { labels: readonly string[]; columns?: number }) {
  const perColumn = Math.ceil(labels.length / columns);
  return (
    <View style={[styles.row, { gap: 12 }]}>
      {Array.from({ length: columns }, (_, c) => (
        <View key={c} style={{ flex: 1 }}>
          {labels.slice(c * perColumn, (c + 1) * perColumn).map((label, i) => (
            <View key={i} style={[styles.row, { gap: 4 }]}>
              <Text style={[styles.small, styles.bold, { width: 14, textAlign: "right" }]}>{c * perColumn + i + 1}</Text>
              <Text style={[styles.small, { flex: 1 }]}>{label}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

export type ChartPoint = { date: string; value: number };

/**
 * A metric against its target: values as a solid line with dots, the target as a dashed line,
 * the baseline faint. Dates on the x axis by time, first and last labelled by the caller.
 */
export function MiniChart({ values, target, baseline, width = 220, height = 70 }: { values: readonly ChartPoint[]; target: number; baseline: number; width?: number; height?: number }) {
  const all = [...values.map((v) => v.value), target, baseline];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = (hi - lo) * 0.1;
  lo -= pad;
  hi += pad;
  const times = values.map((v) => Date.parse(v.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => (t1 === t0 ? width / 2 : 4 + ((t - t0) / (t1 - t0)) * (width - 8));
  const y = (v: number) => height - 4 - ((v - lo) / (hi - lo)) * (height - 8);
  const points = values.map((v, i) => `${x(times[i]!)},${y(v.value)}`).join(" ");
  return (
    <Svg width={width} height={height}>
      <Rect x={0} y={0} width={width} height={height} fill="#ffffff" stroke={LINE} strokeWidth={0.5} />
      <Line x1={0} y1={y(baseline)} x2={width} y2={y(baseline)} stroke={LINE} strokeWidth={1} />
      <Line x1={0} y1={y(target)} x2={width} y2={y(target)} stroke={IDEAL} strokeWidth={1.25} strokeDasharray={DASH} />
      {values.length > 1 ? <Polyline points={points} fill="none" stroke={CURRENT} strokeWidth={1.5} /> : null}
      {values.map((v, i) => (
        <Circle key={i} cx={x(times[i]!)} cy={y(v.value)} r={1.8} fill={CURRENT} />
      ))}
    </Svg>
  );
}

/** Votes per level 1–4 as a row of four bars in the ramp (current solid, target outlined). */
export function Distribution({ counts, dashed = false, width = 90, height = 22 }: { counts: readonly number[]; dashed?: boolean; width?: number; height?: number }) {
  const max = Math.max(1, ...counts);
  const bar = width / 4 - 3;
  return (
    <Svg width={width} height={height + 9}>
      {counts.map((count, i) => {
        const h = (count / max) * height;
        const x = i * (bar + 3);
        return (
          <Path
            key={i}
            d={`M${x},${height} L${x},${height - h} L${x + bar},${height - h} L${x + bar},${height} Z`}
            fill={dashed ? "#ffffff" : LEVELS[i]}
            stroke={dashed ? IDEAL : i < 2 ? CURRENT : LEVELS[i]}
            strokeWidth={count ? 0.75 : 0}
            strokeDasharray={dashed ? "2 1.5" : undefined}
          />
        );
      })}
      {counts.map((count, i) => (
        <Text key={`n${i}`} x={i * (bar + 3) + bar / 2} y={height + 8} textAnchor="middle" style={{ fontFamily: FONT, fontSize: 6.5, fill: INK_SOFT }}>
          {String(count)}
        </Text>
      ))}
    </Svg>
  );
}

/** A horizontal bar of a share (0–1), for counts beside their numbers. */
export function ShareBar({ share, color = PRIMARY, width = 120 }: { share: number; color?: string; width?: number }) {
  return (
    <Svg width={width} height={9}>
      <Rect x={0} y={1} width={width} height={7} fill="#eef1f4" />
      <Rect x={0} y={1} width={Math.max(0, Math.min(1, share)) * width} height={7} fill={color} />
    </Svg>
  );
}
