/**
 * The production server: Express around Remix's request handler. Remix v2 has no middleware, so the
 * cross-cutting HTTP concerns live here: migrations before listening, compression, static caching,
 * security headers, the Origin check, the language cookie and a graceful shutdown. In front of
 * Express, the phone lane answers a workshop room's joins and votes (see phoneLane below).
 */
import crypto from "node:crypto";
import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import compression from "compression";
import express, { type Request as ExpressRequest, type RequestHandler, type Response as ExpressResponse } from "express";
import helmet from "helmet";
import { startCheckpointer } from "./db/checkpointer.server";
import { migrateDatabase, openDatabase, setDb } from "./db/connection.server";
import { startJobs } from "./app/jobs/index.server";
import { submitJoin } from "./app/services/join.server";
import { answerBackgroundSave, pagePostLocation, warmUpVoteValidation } from "./app/services/votes.server";
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
const checkpointer = startCheckpointer(db, env.databasePath);
warmUpVoteValidation();

const jobs = startJobs();

const viteDevServer = isDev ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } })) : undefined;

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
function fromOwnOrigin(origin: string | undefined, protocol: string, host: string | undefined): boolean {
  if (!origin) return true;
  return origin === `${protocol}://${host}` || (env.APP_URL !== undefined && origin === new URL(env.APP_URL).origin);
}
const sameOrigin: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || fromOwnOrigin(req.get("Origin"), req.protocol, req.get("Host"))) return next();
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

const handleRequest = createRequestHandler(build, isDev ? "development" : "production");

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
    // A body the phone lane already read (see phoneLane) is handed over as read.
    init.body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url, init);
}

/**
 * Remix's Express adapter streams every body chunk by chunk, so no response carries a
 * Content-Length and compression gzips even a 15-byte JSON answer (a zlib stream per vote save:
 * about a third of a save's CPU in `npm run bench`). Only pages stream here, for an early first
 * byte; any other body is read whole and sent with its length, so compression's 1 KB threshold holds.
 */
async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
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

app.all("*", async (req, res, next) => {
  try {
    const context = { cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" };
    await sendResponse(res, await handleRequest(remixRequest(req, res), context));
  } catch (error) {
    next(error);
  }
});

/*
 * The phone lane. A room of up to 200 phones joins within seconds and then posts its votes within
 * seconds, and Express alone (prototype swaps, the middleware chain, helmet) cost about half a
 * millisecond of CPU per request, Remix two more. So those three posts, POST /join, POST /w/:token
 * and POST /w/:token/save, are answered here, on the bare HTTP server, with the same functions
 * their routes' actions use (app/services/join.server.ts, app/services/votes.server.ts) and the
 * same Origin rule. A post the lane does not complete (a bad code or vote, an unknown link, the
 * lock, the limit, another encoding) goes on to Express and the action with its body as read, and
 * the page shows what went wrong.
 */
const PHONE_POST = /^\/(?:join|w\/([\w-]+)(\/save)?)\/?(?:\?|$)/;
const PHONE_POST_LIMIT = 1024 * 1024;
/** Every lane answer is a few bytes of JSON or a redirect, never a page. */
const LANE_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};
const trustProxy = app.get("trust proxy fn") as (address: string, hop: number) => boolean;

/** req.protocol as Express computes it: X-Forwarded-Proto only from a trusted proxy, and only when set. */
function requestProtocol(req: IncomingMessage): string {
  const own = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
  if (!trustProxy(req.socket.remoteAddress ?? "", 0)) return own;
  const forwarded = req.headers["x-forwarded-proto"];
  return ((typeof forwarded === "string" && forwarded) || own).split(",")[0]!.trim();
}

function laneAnswer(res: ServerResponse, status: number, headers: Record<string, string>, body = ""): void {
  res.writeHead(status, { ...LANE_HEADERS, ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** Reads a form body of at most PHONE_POST_LIMIT bytes; undefined (answered 413) when larger. */
function readFormBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const tooLarge = () => {
      // Close rather than read on: the rest of the body is not worth receiving.
      laneAnswer(res, 413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }, "Request body too large.");
      req.resume();
      resolve(undefined);
    };
    if (Number(req.headers["content-length"]) > PHONE_POST_LIMIT) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > PHONE_POST_LIMIT) {
        req.removeAllListeners("data");
        tooLarge();
      } else chunks.push(chunk);
    });
    req.on("end", () => size <= PHONE_POST_LIMIT && resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(undefined));
  });
}

/** The lane's answer to a form post: the 303 or JSON it completes, or undefined to leave it to the action. */
function answerPhonePost(token: string | undefined, save: boolean, fields: Record<string, string>): { status: number; headers: Record<string, string>; body?: string } | undefined {
  if (token === undefined) {
    const joined = submitJoin(fields);
    return joined.kind === "joined" ? { status: 303, headers: { Location: joined.location } } : undefined;
  }
  if (save) {
    const answer = answerBackgroundSave(token, fields);
    return { status: answer.status, headers: { "Content-Type": "application/json; charset=utf-8", ...answer.headers }, body: JSON.stringify(answer.body) };
  }
  const location = pagePostLocation(token, fields);
  return location ? { status: 303, headers: { Location: location } } : undefined;
}

/** Answers a phone's post, or returns false for any other request (Express's, untouched). */
function phoneLane(req: IncomingMessage, res: ServerResponse): boolean {
  const match = req.method === "POST" ? PHONE_POST.exec(req.url ?? "") : null;
  if (!match) return false;
  const [, token, save] = match;
  const isForm = (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
  // A page's form in another encoding (a browser may send multipart) is the action's to read.
  if (!isForm && !save) return false;
  if (!fromOwnOrigin(req.headers.origin, requestProtocol(req), req.headers.host)) {
    laneAnswer(res, 403, { "Content-Type": "text/plain; charset=utf-8" }, "Cross-origin request refused.");
    return true;
  }
  if (!isForm) {
    laneAnswer(res, 415, { "Content-Type": "application/json; charset=utf-8" }, JSON.stringify({ error: "form-encoded-only" }));
    req.resume();
    return true;
  }
  readFormBody(req, res)
    .then((body) => {
      if (!body) return;
      const answer = answerPhonePost(token, Boolean(save), Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
      if (answer) return laneAnswer(res, answer.status, answer.headers, answer.body);
      // Left to the action, which shows what went wrong; remixRequest() reuses the body read.
      (req as IncomingMessage & { body?: Buffer }).body = body;
      app(req, res);
    })
    .catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) laneAnswer(res, 500, { "Content-Type": "text/plain; charset=utf-8" }, "The request could not be completed.");
    });
  return true;
}

const server: Server = http.createServer((req, res) => {
  if (!phoneLane(req, res)) app(req, res);
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

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) console.error(err);
  // Stop accepting, let in-flight requests finish, then close the database last.
  jobs.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await viteDevServer?.close();
  await checkpointer.stop();
  db.$client.close();
});
