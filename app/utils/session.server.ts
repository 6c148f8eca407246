import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { createSession, deleteSession, getSessionUser, SESSION_ABSOLUTE_MS, type SessionUser } from "~/models/session.server";
import { getEnv } from "./env.server";

type Cookie = ReturnType<typeof createCookie>;

const cookies = new Map<string, Cookie>();

const secure = (request: Request) => new URL(request.url).protocol === "https:";

/**
 * Over https the cookie is `__Host-session`: browsers then insist on Secure, Path=/ and no Domain,
 * so neither a sibling subdomain nor a plain-http page can plant or overwrite it. Plain http (a
 * laptop on a workshop's Wi-Fi) keeps `__session`, since browsers drop Secure cookies there. Each
 * scheme reads only its own name.
 */
function sessionCookie(request: Request): Cookie {
  const name = secure(request) ? "__Host-session" : "__session";
  let cookie = cookies.get(name);
  if (!cookie) {
    cookie = createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secure(request),
      secrets: [getEnv().sessionSecret],
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
    cookies.set(name, cookie);
  }
  return cookie;
}

async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  return token ? getSessionUser(token) : null;
}

/** Signed-out visitors go to the login page and come back where they were. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  throw redirect(`/login?${params}`);
}

/**
 * The device cookie (OWASP's "device cookies" against lockout): set when someone signs in, it says
 * "this browser has signed in to these accounts before", so the per-account login limit, which an
 * attacker elsewhere can run up, does not hold that browser back. Signed, a year long, `__Host-`
 * over https like the session. It names accounts by a keyed hash, not by their email.
 */
const DEVICE_YEAR_S = 365 * 24 * 3600;
const DEVICE_MAX_ACCOUNTS = 5;

type Device = { id: string; accounts: string[] };

function deviceCookie(request: Request): Cookie {
  const name = secure(request) ? "__Host-device" : "__device";
  let cookie = cookies.get(name);
  if (!cookie) {
    cookie = createCookie(name, { httpOnly: true, sameSite: "lax", path: "/", secure: secure(request), secrets: [getEnv().sessionSecret], maxAge: DEVICE_YEAR_S });
    cookies.set(name, cookie);
  }
  return cookie;
}

function accountTag(account: string): string {
  return crypto.createHmac("sha256", getEnv().sessionSecret).update(`device:${account}`).digest("base64url").slice(0, 22);
}

async function readDevice(request: Request): Promise<Device | null> {
  const value: unknown = await deviceCookie(request).parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { id, accounts } = value as Partial<Device>;
  if (typeof id !== "string" || !Array.isArray(accounts) || !accounts.every((a) => typeof a === "string")) return null;
  return { id, accounts };
}

/** This browser's device id when it has signed in to `account` (a normalized email) before. */
export async function trustedDeviceFor(request: Request, account: string): Promise<string | null> {
  const device = await readDevice(request);
  return device?.accounts.includes(accountTag(account)) ? `${device.id}:${accountTag(account)}` : null;
}

async function deviceSetCookie(request: Request, account: string): Promise<string> {
  const device = (await readDevice(request)) ?? { id: crypto.randomBytes(16).toString("base64url"), accounts: [] };
  const tag = accountTag(account);
  const accounts = [tag, ...device.accounts.filter((a) => a !== tag)].slice(0, DEVICE_MAX_ACCOUNTS);
  return deviceCookie(request).serialize({ id: device.id, accounts });
}

/**
 * A fresh session id at every sign-in (no fixation); the cookie carries only that id. With
 * `account` (the normalized email just proven), the browser also gets or renews its device cookie.
 */
export async function signIn(request: Request, userId: string, redirectTo: string, account?: string) {
  const token = await createSession(userId);
  const headers = new Headers({ "Set-Cookie": await sessionCookie(request).serialize(token) });
  if (account !== undefined) headers.append("Set-Cookie", await deviceSetCookie(request, account));
  return redirect(redirectTo, { status: 303, headers });
}

/** Deletes the session row, so a copy of the old cookie signs nobody in. */
export async function signOut(request: Request) {
  const token = await sessionToken(request);
  if (token) await deleteSession(token);
  const headers = new Headers({ "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) });
  return redirect("/", { status: 303, headers });
}
