import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test, type APIResponse } from "@playwright/test";
import { createOrganization, inputValue, location, memberId, newClient, roleIn, signUp } from "./accounts";

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; module: { action?: unknown; loader?: unknown } };

type OrgRoute = { id: string; pattern: string; index: boolean; hasAction: boolean; extraParams: boolean };

/**
 * Every route of the built app that lives under /orgs/:orgId, read from the server bundle's route
 * manifest: a route added tomorrow is swept without anyone listing it here.
 */
async function organizationRoutes(): Promise<OrgRoute[]> {
  const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as { routes: Record<string, ManifestRoute> };
  const routes = build.routes;
  const fullPath = (route: ManifestRoute): string => {
    const segments: string[] = [];
    for (let current: ManifestRoute | undefined = route; current; current = current.parentId ? routes[current.parentId] : undefined) {
      if (current.path) segments.unshift(current.path.replace(/^\/|\/$/g, ""));
    }
    return segments.filter(Boolean).join("/");
  };
  return Object.values(routes)
    .map((route) => ({ route, pattern: fullPath(route) }))
    .filter(({ pattern }) => pattern === "orgs/:orgId" || pattern.startsWith("orgs/:orgId/"))
    .map(({ route, pattern }) => ({
      id: route.id,
      pattern,
      index: Boolean(route.index),
      hasAction: typeof route.module.action === "function",
      extraParams: /(^|\/)(:(?!orgId(\/|\?|$))|\*)/.test(pattern),
    }));
}

/** Never follow redirects; and a guard that lets a stranger into a streaming route fails fast, not at the test's timeout. */
const NO_FOLLOW = { maxRedirects: 0, timeout: 10_000 } as const;

const randomId = () => crypto.randomBytes(12).toString("base64url");

/** A concrete URL path: org A's id, and a plausible random id for every other parameter. */
function concretePath(pattern: string, orgId: string): string {
  const segments = pattern.split("/").flatMap((segment) => {
    if (segment === ":orgId") return [orgId];
    if (segment === "*" || segment.startsWith(":")) return [randomId()];
    return [segment.replace(/\?$/, "")];
  });
  return `/${segments.join("/")}`;
}

function expectSentToLogin(response: APIResponse, returnPath: string, what: string) {
  expect.soft([302, 303], `${what}: status ${response.status()}`).toContain(response.status());
  const target = new URL(location(response) || "/", "http://host.invalid");
  expect.soft(target.pathname, `${what}: redirect target`).toBe("/login");
  expect.soft(target.searchParams.get("redirectTo"), `${what}: redirectTo`).toBe(returnPath);
}

test("every route under /orgs/:orgId is a 404 for another organization's member and a login redirect when signed out", async ({ playwright, baseURL }) => {
  // About 400 requests (every route, each form, three visitors): 10-20 s on a quiet two-core machine, far more beside other runs.
  test.setTimeout(120_000);
  const routes = await organizationRoutes();
  const patterns = routes.map((r) => r.pattern);
  // Guards against a sweep that passes because it found nothing.
  for (const known of ["orgs/:orgId", "orgs/:orgId/members", "orgs/:orgId/settings", "orgs/:orgId/roadmap"]) expect(patterns).toContain(known);
  expect(routes.some((r) => r.pattern === "orgs/:orgId" && r.index)).toBe(true);

  const base = baseURL as string;
  const orgAName = `Tenant A ${Date.now()}`;
  const a = await signUp(playwright, base, "consultant-a");
  const orgA = await createOrganization(a.api, orgAName);
  const b = await signUp(playwright, base, "consultant-b");
  const orgB = await createOrganization(b.api, `Tenant B ${Date.now()}`);
  const anonymous = await newClient(playwright, base);

  const aId = memberId(await (await a.api.get(`/orgs/${orgA}/members`)).text(), a.email);
  const quizLinkBefore = inputValue(await (await a.api.get(`/orgs/${orgA}`)).text(), "share-url");
  expect(quizLinkBefore).toContain("/quiz?invite=");
  const calendarBefore = inputValue(await (await a.api.get(`/orgs/${orgA}/settings`)).text(), "calendar-url");
  expect(calendarBefore).toMatch(/\/feeds\/[\w-]{43}\/calendar\.ics$/);

  // Every kind of change the organization's forms know, aimed at org A by someone outside it.
  const bodies: Record<string, string>[] = [
    { intent: "delete", confirm: orgAName, name: "x" },
    { intent: "update", name: "Taken over", industry: "x", defaultLang: "en" },
    { intent: "peer-benchmark", peer_benchmark: "out" },
    { intent: "invite", role: "consultant" },
    { intent: "role", userId: aId, role: "viewer" },
    { intent: "remove", userId: aId },
    { intent: "new-calendar-url" },
    {},
  ];

  // The routes are independent (B's posts must all be refused, so none changes anything): several at
  // once, as independent requests. Each soft failure names its route, method and path.
  const sweepRoute = async (route: OrgRoute) => {
    const urlPath = concretePath(route.pattern, orgA);
    // Remix sends a POST without ?index to the parent layout, so the index route's action needs it.
    const postPath = route.index ? `${urlPath}?index` : urlPath;
    const what = (who: string, method: string) => `${who} ${method} ${method === "POST" ? postPath : urlPath}`;

    const asB = await b.api.get(urlPath, NO_FOLLOW);
    expect.soft(asB.status(), what("B", "GET")).toBe(404);
    expect.soft(await asB.text(), what("B", "GET")).not.toContain(orgAName);
    expectSentToLogin(await anonymous.get(urlPath, NO_FOLLOW), urlPath, what("signed-out", "GET"));

    if (!route.extraParams) {
      // The same page works for its own member, so B's 404 comes from the guard, not a broken route.
      // (Its own member waits for what it asked: a PDF takes seconds to draw on a busy machine.)
      const asA = await a.api.get(urlPath, { maxRedirects: 0, timeout: 60_000 });
      expect.soft(asA.status(), what("A", "GET")).not.toBe(404);
      expect.soft(asA.status(), what("A", "GET")).toBeLessThan(500);
    }

    if (route.hasAction) {
      for (const form of bodies) {
        const response = await b.api.post(postPath, { form, ...NO_FOLLOW });
        expect.soft(response.status(), `${what("B", "POST")} ${JSON.stringify(form)}`).toBe(404);
        expect.soft(await response.text()).not.toContain(orgAName);
      }
      expectSentToLogin(await anonymous.post(postPath, { form: bodies[0], ...NO_FOLLOW }), urlPath, what("signed-out", "POST"));
    } else {
      // A route without an action (the orgs/:orgId layout, resource routes) gets Remix's 405 before
      // any guard runs. It must then be the same answer as for an organization that does not exist,
      // so it reveals nothing. Once such a route has a guarded action, the branch above applies.
      const nowhere = await b.api.post(postPath.replace(orgA, randomId()), { form: bodies[0], ...NO_FOLLOW });
      const response = await b.api.post(postPath, { form: bodies[0], ...NO_FOLLOW });
      expect.soft(response.status(), what("B", "POST")).toBe(nowhere.status());
      expect.soft(response.status(), what("B", "POST")).toBeGreaterThanOrEqual(400);
      expect.soft(await response.text()).not.toContain(orgAName);
      const signedOut = await anonymous.post(postPath, { form: bodies[0], ...NO_FOLLOW });
      expect.soft(signedOut.status(), what("signed-out", "POST")).toBeGreaterThanOrEqual(400);
    }
  };
  // Four routes at a time: enough to keep the server busy, few enough that a slow answer is not a timeout.
  const queue = [...routes];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let route = queue.shift(); route; route = queue.shift()) await sweepRoute(route);
    }),
  );

  // Nothing B sent changed org A: it exists, keeps its name, its quiz link, its one consultant and no invites.
  const home = await a.api.get(`/orgs/${orgA}`, { maxRedirects: 0 });
  expect(home.status()).toBe(200);
  const homeHtml = await home.text();
  expect(homeHtml).toContain(orgAName);
  expect(inputValue(homeHtml, "share-url")).toBe(quizLinkBefore);
  expect(await roleIn(a.api, orgA)).toBe("Consultant");
  const settings = await (await a.api.get(`/orgs/${orgA}/settings`)).text();
  expect(inputValue(settings, "name")).toBe(orgAName);
  // A's calendar address is still the one it had, still answers, and lists nothing of B's.
  expect(inputValue(settings, "calendar-url")).toBe(calendarBefore);
  const feed = await anonymous.get(new URL(calendarBefore!).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).not.toContain("Tenant B");
  const bFeed = inputValue(await (await b.api.get(`/orgs/${orgB}/settings`)).text(), "calendar-url");
  expect(bFeed).not.toBe(calendarBefore);
  expect(await (await anonymous.get(new URL(bFeed!).pathname)).text()).not.toContain(orgAName);
  const members = await (await a.api.get(`/orgs/${orgA}/members`)).text();
  expect(members).toContain("No active invite links.");
  expect(members).not.toContain(b.email);
  expect((await b.api.get(`/orgs/${orgA}`, { maxRedirects: 0 })).status()).toBe(404);

  await Promise.all([a.api.dispose(), b.api.dispose(), anonymous.dispose()]);
});
