/** The piscina worker: one task is one report (pdf.server.ts sends them). */
import os from "node:os";
import type { ReportData } from "./report-data";
import { renderReport } from "./render";

// On Linux a nice value belongs to a thread: this lowers the rendering thread alone, so on a busy
// machine the event loop (votes, pages) gets the cores first and a report waits instead.
try {
  os.setPriority(19);
} catch {
  // Not permitted or not supported: the report renders at the server's priority.
}

export default async function render(data: ReportData): Promise<Uint8Array> {
  return renderReport(data);
}
