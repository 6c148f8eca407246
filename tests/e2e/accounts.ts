/**
 * Accounts, organizations and invites created over plain HTTP, the way a browser form posts them:
 * the specs that check what the server allows need many users and no pixels.
 */
import { expect, test, type APIRequest, type APIRequestContext, type APIResponse } from "@playwright/test";

/** The part of the `playwright` fixture these helpers use. */
type Playwright = { request: APIRequest };

export const PASSWORD = "correct horse battery";

/** An email no other test (or earlier run against the same server) uses. */
export function uniqueEmail(label: string): string {
  const slug = `${test.info().testId}-${label}`.replace(/[^\w-]/g, "-").toLowerCase();
  return `${slug}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** A client with its own cookie jar; English so server messages can be compared as text. */
export function newClient(playwright: Playwright, baseURL: string, lang: "en" | "es" = "en"): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { "Accept-Language": lang } });
}

export type Account = { api: APIRequestContext; email: string; name: string };

/** POST /signup as a real visitor; the client keeps the session cookie. */
export async function signUp(
  playwright: Playwright,
  baseURL: string,
  label: string,
  options: { redirectTo?: string; lang?: "en" | "es" } = {},
): Promise<Account> {
  const api = await newClient(playwright, baseURL, options.lang);
  const email = uniqueEmail(label);
  const name = `User ${label}`;
  const response = await api.post("/signup", {
    form: { name, email, password: PASSWORD, redirectTo: options.redirectTo ?? "" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-up of ${label}`).toBe(303);
  expect(location(response)).toBe(options.redirectTo ?? "/orgs");
  return { api, email, name };
}

/** The path (and query) a redirect points to, whatever host the server wrote into it. */
export function location(response: APIResponse): string {
  const header = response.headers()["location"];
  if (!header) return "";
  const url = new URL(header, "http://host.invalid");
  return `${url.pathname}${url.search}`;
}

export async function createOrganization(api: APIRequestContext, name: string): Promise<string> {
  const response = await api.post("/orgs/new", { form: { name, industry: "Retail banking", defaultLang: "en" }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  const id = location(response).match(/^\/orgs\/([\w-]+)$/)?.[1];
  expect(id, "new organization's id").toBeTruthy();
  return id as string;
}

/** Creates an invite link for a role; returns its token (the link is shown only once). */
export async function createInvite(api: APIRequestContext, orgId: string, role: string): Promise<string> {
  const response = await api.post(`/orgs/${orgId}/members`, { form: { intent: "invite", role } });
  expect(response.status()).toBe(200);
  const link = inputValue(await response.text(), "invite-link");
  const token = link?.match(/\/invite\/([\w-]+)$/)?.[1];
  expect(token, "invite link in the members page").toBeTruthy();
  return token as string;
}

/** A new user who follows an invite link: signs up through it, then accepts it. */
export async function joinThroughInvite(playwright: Playwright, baseURL: string, label: string, token: string, orgId: string): Promise<Account> {
  const account = await signUp(playwright, baseURL, label, { redirectTo: `/invite/${token}` });
  const accepted = await account.api.post(`/invite/${token}`, { maxRedirects: 0 });
  expect(accepted.status()).toBe(303);
  expect(location(accepted)).toBe(`/orgs/${orgId}`);
  return account;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The value of `<input id="…">` in server-rendered HTML. */
export function inputValue(html: string, id: string): string | undefined {
  const tag = html.match(new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`))?.[0];
  const value = tag?.match(/\bvalue="([^"]*)"/)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

/** The user id the members page lists next to an email (the id its role and remove forms post). */
export function memberId(membersHtml: string, email: string): string {
  const item = membersHtml.split("<li").find((chunk) => chunk.includes(`>${email}<`));
  const id = item?.match(/name="userId" value="([^"]+)"/)?.[1];
  expect(id, `member ${email} on the members page`).toBeTruthy();
  return id as string;
}

/** The signed-in user's role as the organization page states it ("Your role: …", English). */
export async function roleIn(api: APIRequestContext, orgId: string): Promise<string | undefined> {
  const response = await api.get(`/orgs/${orgId}`, { maxRedirects: 0 });
  if (response.status() !== 200) return undefined;
  return (await response.text()).match(/Your role: ([^<]+)</)?.[1];
}
