import { createCookie, redirect } from "@remix-run/node";
import { createSession, deleteSession, getSessionUser, SESSION_ABSOLUTE_MS, type SessionUser } from "~/models/session.server";
import { getEnv } from "./env.server";

let cookie: ReturnType<typeof createCookie> | undefined;

function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [getEnv().sessionSecret],
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
  return cookie;
}

const secure = (request: Request) => new URL(request.url).protocol === "https:";

async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
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
  const headers = new Headers({ "Set-Cookie": await sessionCookie().serialize(token, { secure: secure(request) }) });
  return redirect(redirectTo, { status: 303, headers });
}

/** Deletes the session row, so a copy of the old cookie signs nobody in. */
export async function signOut(request: Request) {
  const token = await sessionToken(request);
  if (token) deleteSession(token);
  const headers = new Headers({ "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0, secure: secure(request) }) });
  return redirect("/", { status: 303, headers });
}
