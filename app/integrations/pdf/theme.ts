/** The PDF's colours: app.css's theme (react-pdf cannot read CSS variables), one ramp for levels 1–4. */
export const INK = "#1c2430";
export const INK_SOFT = "#4a5565";
export const LINE = "#d6dde4";
export const PAPER = "#f6f8f9";
export const PRIMARY = "#0b6e69";
export const PRIMARY_SOFT = "#e3f2f0";
export const ACCENT = "#b45309";
export const ACCENT_SOFT = "#fdf1e1";
/** Current state: drawn solid. Ideal (target): an outline, dashed. */
export const CURRENT = "#3f9e92";
export const IDEAL = "#0b5752";
export const DASH = "4 2.5";
export const LEVELS = ["#e7f3f1", "#9fd3c9", "#3f9e92", "#0b5752"] as const;
/** Text on a level's colour: ink on the two light ones, white on the two dark ones. */
export const LEVEL_TEXT = [INK, INK, "#ffffff", "#ffffff"] as const;

export function levelColor(level: number): string {
  return LEVELS[Math.min(4, Math.max(1, Math.round(level))) - 1]!;
}
export function levelText(level: number): string {
  return LEVEL_TEXT[Math.min(4, Math.max(1, Math.round(level))) - 1]!;
}
