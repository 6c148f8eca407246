import { BANDS, MAX_SCORE, MIN_SCORE, type BandKey } from "~/domain/quiz";

const BAND_FILL: Record<BandKey, string> = {
  "long-way": "var(--color-level-2)",
  "good-job": "var(--color-level-3)",
  "on-top": "var(--color-level-4)",
};

const CX = 120;
const CY = 120;
const R = 100;

/** Angle on the half circle (π at the left end, 0 at the right) for a score position. */
function angleFor(value: number): number {
  return Math.PI * (1 - (value - MIN_SCORE) / (MAX_SCORE - MIN_SCORE));
}

function point(angle: number, radius: number) {
  return { x: CX + radius * Math.cos(angle), y: CY - radius * Math.sin(angle) };
}

function arc(from: number, to: number): string {
  const start = point(angleFor(from), R);
  const end = point(angleFor(to), R);
  return `M ${start.x.toFixed(2)} ${start.y.toFixed(2)} A ${R} ${R} 0 0 1 ${end.x.toFixed(2)} ${end.y.toFixed(2)}`;
}

type Props = { score: number; label: string; bandNames: Record<BandKey, string> };

/** A half-circle gauge from 4 to 13 with the three bands; plain SVG, no chart library. */
export function ScoreGauge({ score, label, bandNames }: Props) {
  const needle = point(angleFor(score), R - 28);
  return (
    <svg viewBox="0 0 240 140" role="img" aria-label={label} className="w-full max-w-xs">
      {BANDS.map((band, index) => (
        <path
          key={band.key}
          d={arc(index === 0 ? MIN_SCORE : band.min - 0.5, index === BANDS.length - 1 ? MAX_SCORE : band.max + 0.5)}
          fill="none"
          stroke={BAND_FILL[band.key]}
          strokeWidth={22}
        >
          <title>{bandNames[band.key]}</title>
        </path>
      ))}
      <line x1={CX} y1={CY} x2={needle.x} y2={needle.y} stroke="var(--color-ink)" strokeWidth={5} strokeLinecap="round" />
      <circle cx={CX} cy={CY} r={9} fill="var(--color-ink)" />
      <text x={CX - R} y={CY + 18} textAnchor="middle" fontSize="12" fill="var(--color-ink-soft)">
        {MIN_SCORE}
      </text>
      <text x={CX + R} y={CY + 18} textAnchor="middle" fontSize="12" fill="var(--color-ink-soft)">
        {MAX_SCORE}
      </text>
    </svg>
  );
}
