/**
 * PDF reports rendered in a pool of worker threads (piscina): react-pdf blocks the thread it runs
 * on for a few hundred milliseconds per report and grows its heap with every render, so it never
 * runs on the event loop that answers a workshop's phones, and each worker is replaced after
 * PDF_RENDERS_PER_WORKER reports.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { ReportData } from "./pdf/report-data";

export type { ExecutiveReportData, ReportData, WorkshopReportData } from "./pdf/report-data";

/** A worker renders this many reports, then a fresh one takes its place (its heap only grows). */
export const PDF_RENDERS_PER_WORKER = 50;
/** One thread: two cores are shared with the event loop, and a second render would only queue behind the first on a busy machine. */
const MAX_THREADS = Number(process.env.PDF_THREADS ?? 1);

let pool: Piscina | null = null;
const renders = new WeakMap<Piscina, number>();

/**
 * The bundled worker (`npm run build` writes build/pdf-worker.mjs) when the app runs from its build;
 * from the sources (dev, unit tests) a shim compiles worker.ts with tsx.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const built = path.resolve(process.cwd(), "build/pdf-worker.mjs");
  if (here.includes(`${path.sep}build${path.sep}`) && existsSync(built)) return built;
  return path.resolve(process.cwd(), "app/integrations/pdf/worker-source.mjs");
}

function getPool(): Piscina {
  if (!pool) {
    // An idle worker stays a quarter of an hour: starting one (react-pdf, its layout engine, the fonts) takes seconds.
    pool = new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: MAX_THREADS, idleTimeout: 15 * 60_000 });
    renders.set(pool, 0);
  }
  return pool;
}

/**
 * Recycling: the pool that reached its count is replaced by a new one for the next report, and
 * closed once its running renders are done (piscina has no per-worker task limit).
 */
function poolForNextRender(): Piscina {
  const current = getPool();
  const count = (renders.get(current) ?? 0) + 1;
  if (count > PDF_RENDERS_PER_WORKER * MAX_THREADS) {
    pool = null;
    void current.close();
    return poolForNextRender();
  }
  renders.set(current, count);
  return current;
}

export async function renderPdf(data: ReportData): Promise<Uint8Array> {
  return (await poolForNextRender().run(data)) as Uint8Array;
}

/** Stops the workers (the server's graceful stop, tests). */
export async function closePdfPool(): Promise<void> {
  const closing = pool;
  pool = null;
  if (closing) await closing.close();
}

/** A PDF download: inline, so a browser shows it, with a file name for saving. */
export function pdfResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
