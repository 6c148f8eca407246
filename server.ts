/**
 * Bootstrapping and wiring only. Express around Remix's request handler, because Remix v2 has no
 * middleware: compression, static caching, security headers, the Origin check and the language
 * cookie live here; the app itself (database, migrations, checkpointer, jobs, the phone lane) is
 * started from the server build, so there is one instance of each (app/server/app.server.ts). The
 * adapter is app/server/remix-adapter.server.ts; the graceful stop app/server/shutdown.server.ts.
 */
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import http from "node:http";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import type * as Entry from "./app/entry.server";
import { createRemixHandler, handOverBody } from "./app/server/remix-adapter.server";
import { trackConnections } from "./app/server/shutdown.server";
import { getEnv } from "./app/utils/env.server";
import { isLang, LANG_COOKIE } from "./app/utils/i18n";

type EntryModule = typeof Entry;

const env = getEnv();
// `npm run dev` serves the source through Vite; everything else serves the production build, with
// or without NODE_ENV=production (which only adds the requirement of an explicit SESSION_SECRET).
const isDev = process.argv.includes("--dev");
if (!isDev) {
  // The settings are resolved once, here; the app bundle reads them from the environment. Serving
  // the build means React's production code, so NODE_ENV becomes "production" for the bundle,
  // together with the session secret resolved above (given, or generated beside the database).
  process.env.SESSION_SECRET = env.sessionSecret;
  process.env.NODE_ENV = "production";
}

const viteDevServer = isDev ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } })) : undefined;
const productionBuild = viteDevServer ? undefined : ((await import(pathToFileURL(path.resolve(process.cwd(), "build/server/index.js")).href)) as ServerBuild);
/** The build to answer with: in `npm run dev`, whatever Vite has now (hot reloads included). */
const loadBuild = async (): Promise<ServerBuild> =>
  productionBuild ?? ((await viteDevServer!.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
const entryOf = (build: ServerBuild) => build.entry.module as unknown as EntryModule;

const entry = entryOf(await loadBuild());
const { SECURITY_HEADERS, PAGE_CSP_DIRECTIVES, originAllowed } = entry;

const app = express();
app.disable("x-powered-by");
// Pages stream from Remix without ETags; the small answers Express itself sends (votes, 403s) need none.
app.set("etag", false);
app.set("trust proxy", "loopback");

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: !isDev
      ? {
          useDefaults: false,
          directives: {
            ...PAGE_CSP_DIRECTIVES,
            "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          },
        }
      : false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: SECURITY_HEADERS["Cross-Origin-Resource-Policy"] },
    referrerPolicy: { policy: SECURITY_HEADERS["Referrer-Policy"] },
    // Participants reach the server over plain HTTP on the office network; never force HTTPS here.
    strictTransportSecurity: false,
  }),
);
app.use((_req, res, next) => {
  // helmet sets X-Content-Type-Options itself; it has no option for Permissions-Policy.
  res.setHeader("Permissions-Policy", SECURITY_HEADERS["Permissions-Policy"]);
  next();
});

app.use((req, res, next) => {
  if (originAllowed(req.method, req.get("Origin"), req.protocol, req.get("Host"), env.APP_URL)) return next();
  res.status(403).type("text/plain").send("Cross-origin request refused.");
});

app.use((req, res, next) => {
  const lng = req.query[LANG_COOKIE];
  if (isLang(lng)) {
    res.cookie(LANG_COOKIE, lng, { maxAge: 365 * 24 * 3600 * 1000, sameSite: "lax", httpOnly: false, path: "/" });
  }
  next();
});

// gzip only: for pages of a few KB, brotli's per-response set-up cost halved throughput in
// `npm run bench` for a saving of about one KB. Dropping "br" from the request makes the
// compression middleware negotiate gzip.
app.use((req, _res, next) => {
  const accepted = req.headers["accept-encoding"];
  if (accepted?.includes("br")) {
    req.headers["accept-encoding"] = accepted
      .split(",")
      .filter((part) => part.trim().split(";")[0] !== "br")
      .join(",");
  }
  next();
});
app.use(compression());

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // Hashed file names never change content: cache them for a year. Everything else for an hour.
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only paths that look like a top-level file reach the disk; pages skip the stat call.
  const publicFiles = express.static("build/client", { maxAge: "1h", index: false });
  app.use((req, res, next) => (/^\/[\w.-]+\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
}

app.all("*", createRemixHandler(productionBuild ?? loadBuild, isDev ? "development" : "production"));

const laneOptions = {
  appUrl: env.APP_URL,
  trustProxy: app.get("trust proxy fn") as (address: string, hop: number) => boolean,
  fallThrough: (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
    handOverBody(req, body);
    app(req, res);
  },
};
let running = await entry.startApp({ databaseUrl: env.databaseUrl, ...laneOptions });
let runningEntry = entry;

/** In `npm run dev`, a reload that replaced the app's modules restarts the app on the new ones. */
async function currentApp() {
  if (!viteDevServer) return running;
  const latest = entryOf(await loadBuild());
  if (latest !== runningEntry) {
    await running.stop();
    runningEntry = latest;
    running = await latest.startApp({ databaseUrl: env.databaseUrl, ...laneOptions });
  }
  return running;
}

const server = http.createServer();
const connections = trackConnections(server);
server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
  connections.track(req, res);
  if (!viteDevServer) {
    if (!running.lane(req, res)) app(req, res);
    return;
  }
  currentApp().then(
    (current) => current.lane(req, res) || app(req, res),
    (error: unknown) => {
      console.error(error);
      res.statusCode = 500;
      res.end();
    },
  );
});
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Madura listening on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
});

// A room of phones on one Wi-Fi keeps connections open between taps; outlive typical proxies'
// 60 s so an idle socket is never closed under a request that is just arriving.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

/**
 * One graceful stop, whichever signal or process started it (npm forwards its signal through the
 * `exec`s of package.json's scripts): drain HTTP, then the app (jobs, checkpointer, database last).
 * A repeated signal changes nothing; past the deadline the process exits anyway.
 */
let stopping: Promise<void> | undefined;
function stop(reason: string, code: number): void {
  if (stopping) return;
  console.log(`Madura stopping (${reason})…`);
  setTimeout(() => {
    console.error("Madura did not stop within 8 s; exiting.");
    process.exit(1);
  }, 8_000).unref();
  stopping = (async () => {
    await connections.drain();
    await viteDevServer?.close();
    await running.stop();
  })();
  stopping.then(
    () => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => stop(signal, 0));
process.on("uncaughtException", (error) => {
  console.error(error);
  stop("uncaught exception", 1);
});
process.on("unhandledRejection", (error) => {
  console.error(error);
  stop("unhandled rejection", 1);
});
