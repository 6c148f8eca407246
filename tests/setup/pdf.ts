/** Reading a PDF as a person would: its text with poppler's pdftotext, its pages as PNG with pdftoppm. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PDF_ARTIFACTS = path.resolve(process.cwd(), "tests/.artifacts/reports");

/**
 * Saves the PDF under tests/.artifacts/reports/<name>.pdf and returns its text in the order it was
 * written (`-raw`), so a table cell's wrapped lines stay together; pages are split by form feeds.
 */
export function pdfText(bytes: Uint8Array, name: string): string {
  mkdirSync(PDF_ARTIFACTS, { recursive: true });
  const file = path.join(PDF_ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** Pages as PNG (tests/.artifacts/reports/<name>-N.png) for a person to look at; returns the page count. */
export function pdfPages(name: string, dpi = 70): number {
  const file = path.join(PDF_ARTIFACTS, `${name}.pdf`);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), file, path.join(PDF_ARTIFACTS, name)]);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}
