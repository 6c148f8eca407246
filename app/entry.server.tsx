import { PassThrough } from "node:stream";
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
        const body = new PassThrough();
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
