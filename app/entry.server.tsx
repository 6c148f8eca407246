import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { isBusyError, markBusyRequest } from "./server/busy.server";
import { NonceProvider } from "./utils/nonce";
import { pageHydrates } from "./utils/route-handle";

// What server.ts runs from the build, so that it and the routes share one instance of every module
// (the database connection, the rate limits, the lane's services): see app/server/app.server.ts.
export { startApp } from "./server/app.server";
export { databaseRecentlyBusy, requestFoundBusy } from "./server/busy.server";
export { originAllowed, PAGE_CSP_DIRECTIVES, SECURITY_HEADERS } from "./server/security.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const document = (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
    </NonceProvider>
  );

  // The phone pages ship no React (route handle hydrate: false), so there is nothing to stream.
  // Rendering them in one synchronous step lets the server answer each as soon as it is ready:
  // streamed renders are queued behind one another, and 200 phones opening their page at once all
  // waited for the last one while votes arriving meanwhile could not be read.
  const matches = remixContext.staticHandlerContext.matches.map((match) => ({ handle: remixContext.routeModules[match.route.id]?.handle }));
  if (!pageHydrates(matches)) {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    return new Response(`<!DOCTYPE html>${renderToString(document)}`, { headers: responseHeaders, status: responseStatusCode });
  }

  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(document, {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = new ReactBatches();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * React writes a streamed page in 2 KB pieces and calls `flush()` when it has written all it can for
 * now (the shell, then each resolved boundary). Every piece that leaves here costs a web stream read,
 * a write to compression and a zlib sync flush (the adapter flushes after each chunk so the page
 * streams), which made a page's CPU grow with its size far beyond gzip's own cost. Passing React's
 * batches on whole keeps the streaming (a batch leaves as soon as React flushes it) at a few chunks
 * a page.
 */
class ReactBatches extends Transform {
  private pending: Buffer[] = [];

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.pending.push(chunk);
    done();
  }

  /** Called by React at the end of each batch (the convention it follows for compression streams). */
  flush() {
    if (this.pending.length === 0) return;
    this.push(this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending));
    this.pending = [];
  }

  override _flush(done: TransformCallback) {
    this.flush();
    done();
  }
}

/**
 * Remix logs every error here. A stranger's POST to a page without an action (405) or an aborted
 * request is not a server fault: keep the log for real errors.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Another process held the write lock: the adapter answers 503 with Retry-After, not a fault.
  if (isBusyError(error)) return markBusyRequest(request);
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
}
