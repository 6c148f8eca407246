import { PALETTE } from "./palette";

/** Legend labels in ink: the series colours are for shapes and too light for text. */
export const legendText = (value: string) => <span style={{ color: PALETTE.ink }}>{value}</span>;
