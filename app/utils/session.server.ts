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

/** A fresh session id at every sign-in (no fixation); the cookie carries only that id. */
export async function signIn(request: Request, userId: string, redirectTo: string) {
  const token = createSession(userId);
  const headers = new Headers({ "Set-Cookie": await sessionCookie(request).serialize(token) });
  return redirect(redirectTo, { status: 303, headers });
}

/** Deletes the session row, so a copy of the old cookie signs nobody in. */
export async function signOut(request: Request) {
  const token = await sessionToken(request);
  if (token) deleteSession(token);
  const headers = new Headers({ "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) });
  return redirect("/", { status: 303, headers });
}
