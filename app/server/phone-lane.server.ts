/*
 * The phone lane. A room of up to 200 phones joins within seconds and then posts its votes within
 * seconds, and Express alone (prototype swaps, the middleware chain, helmet) cost about half a
 * millisecond of CPU per request, Remix two more. So those three posts, POST /join, POST /w/:token
 * and POST /w/:token/save, are answered here, on the bare HTTP server, with the same functions
 * their routes' actions use (app/services/join.server.ts, app/services/votes.server.ts) and the
 * same Origin rule. A post the lane does not complete (a bad code or vote, an unknown link, the
 * lock, the limit, another encoding) goes on to Express and the action with its body as read, and
 * the page shows what went wrong. Every route exists without the lane: it is only an optimisation.
 *
 * This module is part of the server build (entry.server.tsx exports it), so the lane runs the same
 * instance of the services, models, rate limits and database connection as the routes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { joinLimited, submitJoin } from "~/services/join.server";
import { answerBackgroundSave, pagePostLocation } from "~/services/votes.server";
import { BUSY_RETRY_AFTER_SECONDS, databaseRecentlyBusy, isBusyError, noteBusy } from "./busy.server";
import { LANE_CSP, originAllowed, SECURITY_HEADERS } from "./security.server";

const PHONE_POST = /^\/(?:join|w\/([\w-]+)(\/save)?)\/?(?:\?|$)/;
export const PHONE_POST_LIMIT = 1024 * 1024;
const LANE_HEADERS = { ...SECURITY_HEADERS, "Cache-Control": "no-store", "Content-Security-Policy": LANE_CSP };

export type LaneOptions = {
  appUrl: string | undefined;
  /** Express's compiled "trust proxy" setting, so X-Forwarded-Proto counts exactly when Express would count it. */
  trustProxy: (address: string, hop: number) => boolean;
  /** Hands a post the lane read but does not complete to the Remix route, with its body as read. */
  fallThrough: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;
};

export type PhoneLane = (req: IncomingMessage, res: ServerResponse) => boolean;

type Answer = { status: number; headers: Record<string, string>; body?: string };

function laneAnswer(res: ServerResponse, { status, headers, body = "" }: Answer): void {
  res.writeHead(status, { ...LANE_HEADERS, ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

const busyAnswer = (save: boolean): Answer => ({
  status: 503,
  headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Content-Type": save ? "application/json; charset=utf-8" : "text/plain; charset=utf-8" },
  body: save ? JSON.stringify({ error: "busy" }) : "The database is busy for a moment. Go back and send again.",
});

/** Reads a form body of at most PHONE_POST_LIMIT bytes; undefined (answered 413) when larger. */
function readFormBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const tooLarge = () => {
      // Close rather than read on: the rest of the body is not worth receiving.
      laneAnswer(res, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }, body: "Request body too large." });
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
async function answerPhonePost(token: string | undefined, save: boolean, fields: Record<string, string>, clientIp: string): Promise<Answer | undefined> {
  if (token === undefined) {
    // An address past its wrong codes waits, right code or not: the action answers it with 429.
    if ((await joinLimited(clientIp)).limited) return undefined;
    const joined = await submitJoin(fields);
    return joined.kind === "joined" ? { status: 303, headers: { Location: joined.location } } : undefined;
  }
  if (save) {
    const answer = await answerBackgroundSave(token, fields);
    return { status: answer.status, headers: { "Content-Type": "application/json; charset=utf-8", ...answer.headers }, body: JSON.stringify(answer.body) };
  }
  const location = await pagePostLocation(token, fields);
  return location ? { status: 303, headers: { Location: location } } : undefined;
}

export function createPhoneLane({ appUrl, trustProxy, fallThrough }: LaneOptions): PhoneLane {
  /** req.protocol as Express computes it: X-Forwarded-Proto only from a trusted proxy, and only when set. */
  function requestProtocol(req: IncomingMessage): string {
    const own = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
    if (!trustProxy(req.socket.remoteAddress ?? "", 0)) return own;
    const forwarded = req.headers["x-forwarded-proto"];
    return ((typeof forwarded === "string" && forwarded) || own).split(",")[0]!.trim();
  }

  /** req.ip as Express computes it (proxy-addr): the nearest address in X-Forwarded-For that is not a trusted proxy. */
  function clientAddress(req: IncomingMessage): string {
    const forwarded = req.headers["x-forwarded-for"];
    const hops = [req.socket.remoteAddress ?? "", ...(typeof forwarded === "string" ? forwarded.split(",").map((a) => a.trim()).filter(Boolean).reverse() : [])];
    return hops.find((address, hop) => hop === hops.length - 1 || !trustProxy(address, hop)) ?? "unknown";
  }

  /** Answers a phone's post, or returns false for any other request (Express's, untouched). */
  return function phoneLane(req, res) {
    const match = req.method === "POST" ? PHONE_POST.exec(req.url ?? "") : null;
    if (!match) return false;
    const [, token, saveMatch] = match;
    const save = Boolean(saveMatch);
    const isForm = (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
    // A page's form in another encoding (a browser may send multipart) is the action's to read.
    if (!isForm && !save) return false;
    if (!originAllowed("POST", req.headers.origin, requestProtocol(req), req.headers.host, appUrl)) {
      laneAnswer(res, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "Cross-origin request refused." });
      req.resume();
      return true;
    }
    if (!isForm) {
      laneAnswer(res, { status: 415, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify({ error: "form-encoded-only" }) });
      req.resume();
      return true;
    }
    readFormBody(req, res)
      .then(async (body) => {
        if (!body) return;
        if (databaseRecentlyBusy()) return laneAnswer(res, busyAnswer(save));
        let answer: Answer | undefined;
        try {
          answer = await answerPhonePost(token, save, Object.fromEntries(new URLSearchParams(body.toString("utf8"))), clientAddress(req));
        } catch (error) {
          if (!isBusyError(error)) throw error;
          noteBusy();
          return laneAnswer(res, busyAnswer(save));
        }
        if (answer) return laneAnswer(res, answer);
        // Left to the action, which shows what went wrong, with the body the lane read.
        fallThrough(req, res, body);
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) laneAnswer(res, { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: "The request could not be completed." });
      });
    return true;
  };
}
