/**
 * The test harness itself (tests/setup/route-harness.ts, cheap-passwords.ts): every route test
 * reads its answers through it, so a harness that misread a status would hide a broken route.
 */
import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser } from "../setup/factories";
import { callAction, callLoader, settle, signedInConsultant, signedInMember } from "../setup/route-harness";
import { t, useTestDatabase } from "../setup/test-db";
import { listActiveInvites } from "~/models/invite.server";
import { getMembership } from "~/models/organization.server";
import { verifyLogin } from "~/models/user.server";
import { getUser } from "~/utils/session.server";

const database = useTestDatabase();

describe("settle", () => {
  it("reads a returned value as a 200 carrying it", async () => {
    const settled = await settle(() => ({ title: "Quiz" }));
    expect(settled).toMatchObject({ status: 200, data: { title: "Quiz" }, thrown: false });
    expect(settled.response).toBeUndefined();
  });

  it("reads data(…, init), returned or thrown, as its status, data and headers", async () => {
    const returned = await settle(async () => data({ errors: { name: "required" } }, { status: 400, headers: { "X-Reason": "form" } }));
    expect(returned).toMatchObject({ status: 400, data: { errors: { name: "required" } }, thrown: false });
    expect(returned.headers.get("X-Reason")).toBe("form");
    const thrown = await settle(() => {
      throw data("Not found", { status: 404 });
    });
    expect(thrown).toMatchObject({ status: 404, data: "Not found", thrown: true });
  });

  it("reads a thrown redirect as its status and Location", async () => {
    const settled = await settle(() => {
      throw redirect("/login?redirectTo=%2Forgs", 302);
    });
    expect(settled).toMatchObject({ status: 302, thrown: true, data: undefined });
    expect(settled.headers.get("Location")).toBe("/login?redirectTo=%2Forgs");
    expect(settled.response).toBeInstanceOf(Response);
  });

  it("reads a JSON Response's body as data, and leaves other bodies to the Response, unread", async () => {
    const json = await settle(() => Response.json({ voters: 2 }, { headers: { "Cache-Control": "no-store" } }));
    expect(json).toMatchObject({ status: 200, data: { voters: 2 }, thrown: false });
    expect(json.headers.get("Cache-Control")).toBe("no-store");
    expect(await json.response!.json()).toEqual({ voters: 2 });
    const csv = await settle(() => new Response("a,b\r\n", { headers: { "Content-Type": "text/csv; charset=utf-8" } }));
    expect(csv).toMatchObject({ status: 200, data: undefined });
    expect(await csv.response!.text()).toBe("a,b\r\n");
  });

  it("throws again what is no answer: that would be a 500", async () => {
    await expect(settle(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});

describe("callLoader and callAction", () => {
  const echo = async ({ request, params, context }: LoaderFunctionArgs) => ({
    method: request.method,
    url: request.url,
    cookie: request.headers.get("Cookie"),
    language: request.headers.get("Accept-Language"),
    form: request.method === "POST" ? Object.fromEntries(await request.formData()) : null,
    params,
    context,
  });

  it("sends a GET on http://localhost with the params, the cookie, the headers and the server's context", async () => {
    const { status, data: seen } = await callLoader(echo, { url: "/orgs/1?lng=en", params: { orgId: "1" }, cookie: "__session=abc", headers: { "Accept-Language": "en" } });
    expect(status).toBe(200);
    expect(seen).toEqual({
      method: "GET",
      url: "http://localhost/orgs/1?lng=en",
      cookie: "__session=abc",
      language: "en",
      form: null,
      params: { orgId: "1" },
      context: { cspNonce: "", clientIp: "127.0.0.1" },
    });
  });

  it("posts fields as a form, urlencoded or multipart, signed out unless given a cookie", async () => {
    const urlencoded = await callAction(echo, { url: "/join", fields: { code: "ABC123", name: "Ana" } });
    expect(urlencoded.data).toMatchObject({ method: "POST", cookie: null, form: { code: "ABC123", name: "Ana" }, params: {} });
    const body = new FormData();
    body.append("q1", "a");
    const multipart = await callAction(echo, { url: "/quiz", fields: body });
    expect(multipart.data).toMatchObject({ method: "POST", form: { q1: "a" } });
  });
});

describe("signed-in users", () => {
  it("makes a consultant with an organization of their own, whose cookie signs them in", async () => {
    const { user, org, cookie } = await signedInConsultant({ organization: "Pacífico Bank" });
    expect(org.name).toBe("Pacífico Bank");
    expect((await getMembership(org.id, user.id))?.role).toBe("consultant");
    expect(await getUser(new Request("http://localhost/orgs", { headers: { Cookie: cookie } }))).toMatchObject({ id: user.id, email: user.email });
  });

  it("adds a member with their role through an invite, leaving no usable link behind", async () => {
    const { user: consultant, org } = await signedInConsultant();
    const { user, cookie } = await signedInMember(org, "viewer", consultant, { name: "Víctor Viewer" });
    expect((await getMembership(org.id, user.id))?.role).toBe("viewer");
    expect(await listActiveInvites(org.id)).toEqual([]);
    expect(await getUser(new Request("http://localhost/orgs", { headers: { Cookie: cookie } }))).toMatchObject({ id: user.id, name: "Víctor Viewer" });
  });
});

describe("cheap passwords (a setup file)", () => {
  it("hash with N=2^10 here, and the password still signs in", async () => {
    const user = await makeUser({ email: "cheap@example.test", password: "a cheap one" });
    const stored = (await database.db.orm.select({ hash: t.users.passwordHash }).from(t.users).where(eq(t.users.id, user.id)))[0]!;
    expect(stored.hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    await expect(verifyLogin("cheap@example.test", "a cheap one")).resolves.toMatchObject({ id: user.id });
    await expect(verifyLogin("cheap@example.test", "another")).resolves.toBeNull();
  });
});
