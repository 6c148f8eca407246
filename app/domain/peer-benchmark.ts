/**
 * Where a client stands among its consultant's other clients (issue 13): each category's maturity
 * index beside the quartiles of the other organizations' latest locked assessments. Shown only when
 * at least MIN_PEERS organizations contribute, so no single client can be read off the figures.
 */

export const MIN_PEERS = 5;

export type Quartiles = { min: number; q1: number; median: number; q3: number; max: number };

/** Quartiles by linear interpolation between the sorted values (the spreadsheet QUARTILE.INC rule). */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = (sorted.length - 1) * p;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  };
  return { min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted.at(-1)! };
}

/** Where a value falls against the quartiles, from the bottom quarter to the top one. */
export type Standing = "bottom" | "lower-middle" | "upper-middle" | "top";

export function standing(value: number, q: Quartiles): Standing {
  if (value < q.q1) return "bottom";
  if (value < q.median) return "lower-middle";
  if (value <= q.q3) return "upper-middle";
  return "top";
}

export type CategoryBenchmark = { key: string; current: number | null; peers: number; quartiles: Quartiles | null; standing: Standing | null };

/**
 * Per category: this organization's index, how many peers have one, their quartiles and where this
 * one stands. `peers` holds each other organization's category indices (null where it has none).
 * Null when fewer than MIN_PEERS organizations contribute.
 */
export function peerBenchmark(own: readonly { key: string; current: number | null }[], peers: readonly Record<string, number | null>[]): CategoryBenchmark[] | null {
  if (peers.length < MIN_PEERS) return null;
  return own.map((category) => {
    const values = peers.map((p) => p[category.key]).filter((v): v is number => typeof v === "number");
    const q = values.length >= MIN_PEERS ? quartiles(values) : null;
    return { key: category.key, current: category.current, peers: values.length, quartiles: q, standing: q && category.current !== null ? standing(category.current, q) : null };
  });
}
