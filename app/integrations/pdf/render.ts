/**
 * Renders a report to PDF bytes. Runs inside a worker thread (worker.ts): react-pdf blocks the
 * thread it renders on, and grows its heap with every render.
 */
import { createHash } from "node:crypto";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { createElement, type ReactElement } from "react";
import { ExecutiveReport } from "./executive-report";
import { registerFonts } from "./fonts";
import type { PageMap } from "./kit";
import type { ReportData } from "./report-data";
import { WorkshopReport } from "./workshop-report";

function documentFor(data: ReportData, pages: PageMap | null, record: (id: string, page: number) => void): ReactElement<DocumentProps> {
  // The report components render a <Document>; react-pdf's types ask for its props on the element.
  return (data.kind === "executive" ? createElement(ExecutiveReport, { data, pages, record }) : createElement(WorkshopReport, { data, pages, record })) as ReactElement<DocumentProps>;
}

/** Where each section starts, by the report's content: the same data always lays out the same way. */
const layouts = new Map<string, PageMap>();
const LAYOUTS_KEPT = 100;

/**
 * Two passes: the first lays the report out and notes the page each section starts on; the second
 * prints those numbers in the table of contents. The sections' text does not change between
 * passes, so neither do the pages. A report whose data has not changed since it was last rendered
 * in this worker reuses its page map and takes one pass.
 */
export async function renderReport(data: ReportData): Promise<Uint8Array> {
  registerFonts();
  const key = createHash("sha256").update(JSON.stringify(data)).digest("hex");
  let pages = layouts.get(key);
  if (!pages) {
    const found: PageMap = {};
    await renderToBuffer(documentFor(data, null, (id, page) => (found[id] ??= page)));
    pages = found;
    if (layouts.size >= LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value!);
    layouts.set(key, pages);
  }
  const buffer = await renderToBuffer(documentFor(data, pages, () => {}));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
