/** The piscina worker: one task is one report (pdf.server.ts sends them). */
import type { ReportData } from "./report-data";
import { renderReport } from "./render";

export default async function render(data: ReportData): Promise<Uint8Array> {
  return renderReport(data);
}
