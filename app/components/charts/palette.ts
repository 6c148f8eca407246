/** The chart colours, equal to the theme in app.css (SVG attributes cannot read CSS variables). */
export const PALETTE = {
  ink: "#1c2430",
  inkSoft: "#4a5565",
  line: "#d6dde4",
  current: "#3f9e92",
  ideal: "#0b5752",
  accent: "#b45309",
  series: ["#0b5752", "#3f9e92", "#b45309", "#6b4fa3", "#1c2430"],
} as const;
