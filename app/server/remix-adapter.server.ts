/**
 * Express → Remix: the web Request Remix reads and the way its Response goes out. server.ts loads
 * this module itself (it is not part of the server build) and hands it the build.
 *
 * Remix's Express adapter streams every body chunk by chunk, so no response carries a
 * Content-Length and compression gzips even a 15-byte JSON answer (a zlib stream per vote save:
 * about a third of a save's CPU in `npm run bench`). Only pages stream here, for an early first
 * byte; any other body is read whole and sent with its length, so compression's 1 KB threshold holds.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";

/**
 * The largest request body Remix is given (forms are a few KB; a CSV import a few hundred). A
 * larger one is answered 413 and its connection closed, before or while it arrives: ten posts of
 * 10 MB to /login used to be parsed whole (+157 MB of memory).
 */
export const BODY_LIMIT = 4 * 1024 * 1024;

/** Pages that show someone's own data: never kept by a browser's or a proxy's cache. */
const PRIVATE_PATH = /^\/(?:orgs|w|account|invite)(?:[/?]|$)/;
const SESSION_COOKIE = /(?:^|;\s*)__session=/;

/** What the adapter asks the server build (entry.server.tsx re-exports it from app/server/busy.server.ts). */
export type BusyHooks = { databaseRecentlyBusy(): boolean; requestFoundBusy(request: Request): boolean };

/** Bodies the phone lane read before leaving a post to Remix, by request: no property on Express's request. */
const bodiesRead = new WeakMap<IncomingMessage, Buffer>();

export function handOverBody(req: IncomingMessage, body: Buffer): void {
  bodiesRead.set(req, body);
}

function plainAnswer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function tooLarge(res: ServerResponse): void {
  // Close rather than read on: the rest of the body is not worth receiving.
  plainAnswer(res, 413, "Request body too large.", { Connection: "close" });
}

/**
 * The request body as a web stream, at most BODY_LIMIT bytes. Node discards an unread body by itself
 * only while nobody listens to it; once this stream listens, nothing would, and the next request on
 * that keep-alive connection waited for the headers timeout (66 s). So whatever the answer leaves
 * unread is read and dropped once it is sent, and a body over the limit closes the connection.
 */
function bodyStream(req: IncomingMessage, res: ServerResponse, abort: () => void): ReadableStream<Uint8Array> {
  let size = 0;
  let answered = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > BODY_LIMIT) {
      req.off("data", onData);
      if (answered) return void req.destroy();
      abort();
      controller.error(new Error("Request body too large."));
      tooLarge(res);
      req.resume();
      return;
    }
    if (answered) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    if ((controller.desiredSize ?? 1) <= 0) req.pause();
  };
  res.once("finish", () => {
    answered = true;
    if (!req.complete) req.resume();
  });
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.on("data", onData);
        req.once("end", () => !answered && size <= BODY_LIMIT && c.close());
        req.once("error", (error) => !answered && c.error(error));
      },
      pull() {
        req.resume();
      },
      cancel() {
        answered = true;
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/**
 * The web Request Remix reads, as @remix-run/express builds it: the host honours "trust proxy",
 * and loaders and actions are aborted when the client goes away before the answer is sent.
 */
function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const port = [req.get("X-Forwarded-Host"), req.get("Host")].map((host) => Number(host?.split(":")[1])).find(Number.isSafeInteger);
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value) headers.set(key, value);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    // A body the phone lane already read is handed over as read.
    const read = bodiesRead.get(req);
    init.body = read ? new Uint8Array(read) : bodyStream(req, res, () => controller.abort());
    init.duplex = "half";
  }
  return new Request(url, init);
}

async function sendResponse(req: ExpressRequest, res: ExpressResponse, response: Response): Promise<void> {
  if (res.headersSent) {
    // Answered meanwhile (a body over the limit): drop Remix's answer.
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (!response.headers.has("Cache-Control") && (PRIVATE_PATH.test(req.path) || SESSION_COOKIE.test(req.headers.cookie ?? ""))) {
    res.setHeader("Cache-Control", "private, no-store");
  }
  if (!response.body) {
    res.end();
  } else if (/^text\/(html|event-stream)/i.test(response.headers.get("Content-Type") ?? "")) {
    await writeReadableStreamToWritable(response.body, res);
  } else {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader("Content-Length", body.length);
    res.end(body);
  }
}

const busyAnswer = (res: ServerResponse) => plainAnswer(res, 503, "The database is busy for a moment. Please try again.", { "Retry-After": "1" });

/**
 * The Express handler that answers with Remix: with the production build, or in `npm run dev` with
 * a function giving the one Vite has now. Its entry module holds the busy-database hooks.
 */
export function createRemixHandler(build: ServerBuild | (() => Promise<ServerBuild>), mode: "development" | "production"): RequestHandler {
  // A fixed build, not a function returning it: given a function, Remix derives its routes and
  // static handler again for every request.
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      if (Number(req.headers["content-length"]) > BODY_LIMIT && !bodiesRead.has(req)) return tooLarge(res);
      const hooks = (typeof build === "function" ? await build() : build).entry.module as unknown as BusyHooks;
      const writes = req.method !== "GET" && req.method !== "HEAD";
      // Another process held the write lock a moment ago: answer at once instead of waiting for it again.
      if (writes && hooks.databaseRecentlyBusy()) {
        if (!req.complete) req.resume();
        return busyAnswer(res);
      }
      const request = remixRequest(req, res);
      const context = { cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" };
      const response = await handleRequest(request, context);
      if (response.status >= 500 && hooks.requestFoundBusy(request)) {
        await response.body?.cancel();
        return busyAnswer(res);
      }
      await sendResponse(req, res, response);
    } catch (error) {
      next(error);
    }
  };
}
