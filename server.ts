/**
 * The production server: Express around Remix's request handler. Remix v2 has no middleware, so the
 * cross-cutting HTTP concerns live here: migrations before listening, compression, static caching,
 * security headers, the Origin check, the language cookie and a graceful shutdown.
 */
import crypto from "node:crypto";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import compression from "compression";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import { migrateDatabase, openDatabase, setDb } from "./db/connection.server";
import { deleteExpiredSessions } from "./app/models/session.server";
import { getEnv } from "./app/utils/env.server";
import { isLang, LANG_COOKIE } from "./app/utils/i18n";

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

const db = openDatabase(env.databasePath);
migrateDatabase(db);
setDb(db);

// Expired and idle sessions are refused on read; this only keeps the table from growing forever.
deleteExpiredSessions();
setInterval(deleteExpiredSessions, 6 * 3600 * 1000).unref();

const viteDevServer = isDev ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } })) : undefined;

const app = express();
app.disable("x-powered-by");
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
            "default-src": ["'self'"],
            "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
            // Inline style attributes come from SVG charts; scripts stay nonce-only.
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:"],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "form-action": ["'self'"],
            "frame-ancestors": ["'none'"],
            "base-uri": ["'self'"],
            "object-src": ["'none'"],
          },
        }
      : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
    // Participants reach the server over plain HTTP on the office network; never force HTTPS here.
    strictTransportSecurity: false,
  }),
);
app.use((_req, res, next) => {
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  next();
});

/** A form posted from another site is refused: the session cookie must not act for a stranger. */
const sameOrigin: RequestHandler = (req, res, next) => {
  const origin = req.get("Origin");
  if (req.method === "GET" || req.method === "HEAD" || !origin) return next();
  const allowed = new Set([`${req.protocol}://${req.get("Host")}`]);
  if (env.APP_URL) allowed.add(new URL(env.APP_URL).origin);
  if (allowed.has(origin)) return next();
  res.status(403).type("text/plain").send("Cross-origin request refused.");
};
app.use(sameOrigin);

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

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(new URL("./build/server/index.js", import.meta.url).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: isDev ? "development" : "production",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
  }),
);

const server: Server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Madura listening on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
});

// A room of phones on one Wi-Fi keeps connections open between taps; outlive typical proxies'
// 60 s so an idle socket is never closed under a request that is just arriving.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) console.error(err);
  // Stop accepting, let in-flight requests finish, then close the database last.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await viteDevServer?.close();
  db.$client.close();
});
