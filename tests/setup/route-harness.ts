/**
 * Calls route modules' loaders and actions the way the server would, and reads every answer the
 * same way. Needs a database installed by useTestDatabase() (sessions are rows).
 *
 *   const { org, cookie } = await signedInConsultant();
 *   const page = await callLoader(loader, { url: `/orgs/${org.id}`, params: { orgId: org.id }, cookie });
 *   expect(page).toMatchObject({ status: 200, data: { … } });
 *   const post = await callAction(action, { url: "/join", fields: { code, name } });
 *   expect(post.headers.get("Location")).toMatch(/^\/w\//);
 */
import type { AppLoadContext, data as remixData, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import { makeMembership, makeOrganization, makeUser, type UserInput } from "./factories";
import type { Role } from "~/domain/roles";
import type { Organization } from "~/models/organization.server";
import type { User } from "~/models/user.server";
import { signIn } from "~/utils/session.server";

/** What server.ts gives every loader and action. */
export const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };

type RouteFunction = (args: LoaderFunctionArgs) => unknown;
type DataWithInit<D> = ReturnType<typeof remixData<D>>;
/** What a route's answer carries: data()'s first argument, or the plain value it returned. */
type Payload<T> = T extends DataWithInit<infer D> ? D : T extends Response ? unknown : T;

/** One shape for every answer: a returned or thrown Response, a `data(…, init)`, or a plain value. */
export type Settled<D> = {
  status: number;
  /** The plain value, data()'s first argument, or a JSON Response's body; undefined otherwise. */
  data: D | undefined;
  headers: Headers;
  /** The Response itself when the route returned or threw one (a redirect, a file, JSON). */
  response?: Response;
  /** Thrown rather than returned: Remix renders the error boundary (a 404) or follows it (a redirect). */
  thrown: boolean;
};

/**
 * Runs a loader or action and settles what it returned or threw. With single fetch, `data(value,
 * { status })` comes back as `{ type: "DataWithResponseInit", data, init }`, not a Response
 * (STACK.md); the server would send it with that status, so that is what this reads. Anything
 * thrown that is not a Response is thrown again: it would be a 500, never an answer a test expects.
 */
export async function settle<T>(run: () => T): Promise<Settled<Payload<Awaited<T>>>> {
  let value: unknown;
  let thrown = false;
  try {
    value = await run();
  } catch (error) {
    value = error;
    thrown = true;
  }
  if (value instanceof Response) {
    const json = /^application\/json\b/.test(value.headers.get("Content-Type") ?? "");
    const data = json ? ((await value.clone().json()) as Payload<Awaited<T>>) : undefined;
    return { status: value.status, data, headers: value.headers, response: value, thrown };
  }
  if (isDataWithResponseInit(value)) {
    return { status: value.init?.status ?? 200, data: value.data as Payload<Awaited<T>>, headers: new Headers(value.init?.headers), thrown };
  }
  if (thrown) throw value;
  return { status: 200, data: value as Payload<Awaited<T>>, headers: new Headers(), thrown };
}

function isDataWithResponseInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

export type RequestOptions = {
  /** A path ("/orgs/1") or a full URL; paths are on http://localhost. */
  url: string;
  params?: Record<string, string>;
  /** The `__session=…` pair of a signed-in user (see sessionCookieFor), or none: signed out. */
  cookie?: string;
  headers?: Record<string, string>;
};

function requestInit({ cookie, headers = {} }: RequestOptions): Record<string, string> {
  return cookie ? { ...headers, Cookie: cookie } : headers;
}

const absolute = (url: string) => new URL(url, "http://localhost").href;

/** GET through a route's loader. */
export function callLoader<F extends RouteFunction>(loader: F, options: RequestOptions): Promise<Settled<Payload<Awaited<ReturnType<F>>>>> {
  const request = new Request(absolute(options.url), { headers: requestInit(options) });
  return settle(() => loader({ request, params: options.params ?? {}, context }) as ReturnType<F>);
}

/** POST through a route's action: `fields` as a urlencoded form, as a browser submits a `<Form>`, or FormData (multipart). */
export function callAction<F extends RouteFunction>(
  action: F,
  options: RequestOptions & { fields: Record<string, string> | FormData },
): Promise<Settled<Payload<Awaited<ReturnType<F>>>>> {
  const request = formRequest(options.url, options.fields, requestInit(options));
  return settle(() => action({ request, params: options.params ?? {}, context }) as ReturnType<F>);
}

/** A form post as a browser sends it; FormData goes as multipart, with its own Content-Type. */
export function formRequest(url: string, fields: Record<string, string> | FormData, headers: Record<string, string> = {}): Request {
  if (fields instanceof FormData) return new Request(absolute(url), { method: "POST", body: fields, headers });
  return new Request(absolute(url), {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** The `__session=…` pair a browser would send after signing in as this user. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const response = await signIn(new Request("http://localhost/login"), userId, "/");
  const pair = (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  expect(pair).toMatch(/^__session=.+/);
  return pair;
}

/** A consultant who created an organization (so is its one consultant), signed in. */
export async function signedInConsultant(
  input: Partial<UserInput> & { organization?: string } = {},
): Promise<{ user: User & { password: string }; org: Organization; cookie: string }> {
  const { organization, ...userInput } = input;
  const user = await makeUser({ name: "Carla Consultora", ...userInput });
  const org = await makeOrganization(user.id, { name: organization ?? "Andes Retail" });
  return { user, org, cookie: await sessionCookieFor(user.id) };
}

/** Someone added to `org` with `role` through an invite from `invitedBy`, signed in. */
export async function signedInMember(
  org: Organization,
  role: Role,
  invitedBy: User,
  input: Partial<UserInput> = {},
): Promise<{ user: User & { password: string }; cookie: string }> {
  const user = await makeUser(input);
  await makeMembership(org.id, user.id, role, invitedBy.id);
  return { user, cookie: await sessionCookieFor(user.id) };
}
