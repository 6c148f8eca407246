/**
 * What server.ts itself answers, over plain HTTP as phones and scripts send it: the phone lane (the
 * join and vote posts answered before Express and Remix) and how Remix's answers are sent.
 */
import http from "node:http";
import { expect, test, type APIRequest, type APIRequestContext } from "@playwright/test";
import { createOrganization, location, newClient, signUp } from "./accounts";

type Workshop = { consultant: APIRequestContext; orgId: string; assessmentId: string; code: string };

async function openWorkshop(playwright: { request: APIRequest }, baseURL: string): Promise<Workshop> {
  const { api: consultant } = await signUp(playwright, baseURL, "lane-consultant");
  const orgId = await createOrganization(consultant, `Lane client ${Date.now()}`);
  const created = await consultant.post(`/orgs/${orgId}/assessments/new`, { form: { name: "2026 H2", mode: "workshop" }, maxRedirects: 0 });
  expect(created.status()).toBe(303);
  const assessmentId = location(created).match(/\/assessments\/([\w-]+)$/)?.[1] ?? "";
  const board = await (await consultant.get(`/orgs/${orgId}/assessments/${assessmentId}`)).text();
  const code = board.match(/data-testid="join-code"[^>]*>([^<]+)</)?.[1]?.trim() ?? "";
  expect(code, "join code on the facilitator's page").toMatch(/^\w{6}$/);
  return { consultant, orgId, assessmentId, code };
}

/** A phone that joined: its own client (language as given) and its private path /w/<token>. */
async function join(playwright: { request: APIRequest }, baseURL: string, code: string, name: string, lang: "es" | "en") {
  const phone = await newClient(playwright, baseURL, lang);
  const joined = await phone.post("/join", { form: { code, name }, maxRedirects: 0 });
  expect(joined.status()).toBe(303);
  const path = location(joined);
  expect(path).toMatch(/^\/w\/[\w-]+$/);
  return { phone, path };
}

/** The level checked for a field on the participant's page, or undefined. */
function checkedLevel(html: string, field: string): string | undefined {
  const input = [...html.matchAll(/<input[^>]*>/g)].map(([tag]) => tag).find((tag) => tag.includes(`name="${field}"`) && /\bchecked\b/.test(tag));
  return input?.match(/value="(\d)"/)?.[1];
}

test("joining: a right code (in any case) lets the phone in with a 303; a wrong one or no name shows the form again in the phone's language", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  for (const [lang, unknownCode, noName] of [
    ["es", "Ningún taller abierto tiene este código.", "Escriba un nombre"],
    ["en", "No open workshop has this code.", "Enter a name"],
  ] as const) {
    const phone = await newClient(playwright, baseURL!, lang);
    const origin = { Origin: new URL(baseURL!).origin };
    const joined = await phone.post("/join", { form: { code: ` ${workshop.code.toLowerCase()} `, name: "Eva" }, headers: origin, maxRedirects: 0 });
    expect(joined.status()).toBe(303);
    expect(location(joined)).toMatch(/^\/w\/[\w-]{43}$/);
    expect((await phone.get(location(joined))).status()).toBe(200);

    // Left to the action, which must still read the body the lane read first.
    const wrong = await phone.post("/join", { form: { code: "ZZZZZZ", name: "Eva" }, headers: origin, maxRedirects: 0 });
    expect(wrong.status()).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain(unknownCode);
    expect(wrongPage, "the name typed stays in the form").toContain('value="Eva"');
    const nameless = await phone.post("/join", { form: { code: workshop.code, name: "  " }, headers: origin, maxRedirects: 0 });
    expect(nameless.status()).toBe(400);
    expect(await nameless.text()).toContain(noName);
    const bot = await phone.post("/join", { form: { code: workshop.code, name: "Bot", website: "https://spam.example" }, headers: origin, maxRedirects: 0 });
    expect(bot.status()).toBe(400);
    await phone.dispose();
  }
  // Two joined (one per language); the refused posts made no participant.
  const board = await (await workshop.consultant.get(`/orgs/${workshop.orgId}/assessments/${workshop.assessmentId}`)).text();
  expect(board.match(/data-testid="participant-count"[^>]*>(\d+)</)?.[1]).toBe("2");
  await workshop.consultant.dispose();
});

test("the phone's background save answers in JSON: 400 with the field for a bad vote, 200 for a good one", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  const { phone, path } = await join(playwright, baseURL!, workshop.code, "Rosa", "es");

  const refused = await phone.post(`${path}/save`, { form: { "billing.current": "7", "billing.ideal": "2" } });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({ errors: { "billing.current": "rating.error.level" } });
  // Never a page: nothing to sniff, cache or frame.
  expect(refused.headers()).toMatchObject({
    "content-type": "application/json; charset=utf-8",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  });

  const saved = await phone.post(`${path}/save`, { form: { "billing.current": "2", "billing.ideal": "4", "billing.comment": "Facturas tardías" } });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toEqual({ saved: 1 });
  const page = await (await phone.get(`${path}?step=3`)).text();
  expect([checkedLevel(page, "billing.current"), checkedLevel(page, "billing.ideal")]).toEqual(["2", "4"]);
  expect(page).toContain("Facturas tardías");
  await phone.dispose();
  await workshop.consultant.dispose();
});

test("the page's own post moves on with a 303; a bad vote shows the page again, in the participant's language, with nothing saved", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  for (const [lang, message] of [
    ["es", "Elija un nivel del 1 al 4."],
    ["en", "Choose a level from 1 to 4."],
  ] as const) {
    const { phone, path } = await join(playwright, baseURL!, workshop.code, `Phone ${lang}`, lang);
    const moved = await phone.post(path, { form: { step: "3", "billing.current": "2", "billing.ideal": "3", "security.current": "1", "security.ideal": "2" }, maxRedirects: 0 });
    expect(moved.status()).toBe(303);
    expect(location(moved)).toBe(`${path}?step=4`);

    // The lane leaves a bad post to the page's action, which must still receive the body as sent.
    const refused = await phone.post(`${path}?step=3`, { form: { step: "3", "billing.current": "3", "billing.ideal": "9" }, maxRedirects: 0 });
    expect(refused.status()).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="billing.ideal-error"');
    expect(html).toContain(message);
    const page = await (await phone.get(`${path}?step=3`)).text();
    expect([checkedLevel(page, "billing.current"), checkedLevel(page, "billing.ideal")], "the earlier vote stays").toEqual(["2", "3"]);
    await phone.dispose();
  }
  await workshop.consultant.dispose();
});

/**
 * A POST sent with node's own client, for what Playwright's cannot send: a body in chunks without a
 * Content-Length, or a header with an empty value. Resolves with the status.
 */
function rawPost(url: string, headers: Record<string, string>, chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may close before the whole body is sent; the answer is what counts.
    req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

test("phones' posts carry their own Origin, also behind a trusted HTTPS proxy, and are accepted", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  const { phone, path } = await join(playwright, baseURL!, workshop.code, "Dora", "es");
  const origin = new URL(baseURL!).origin;
  const vote = { "billing.current": "2", "billing.ideal": "3" };
  expect((await phone.post(`${path}/save`, { form: vote, headers: { Origin: origin } })).status()).toBe(200);
  expect((await phone.post(path, { form: { ...vote, step: "3" }, headers: { Origin: origin }, maxRedirects: 0 })).status()).toBe(303);
  // A proxy on the same machine (trusted) that terminates HTTPS says so; the page's origin is then https.
  const proxied = { Origin: origin.replace(/^http:/, "https:"), "X-Forwarded-Proto": "https" };
  expect((await phone.post(`${path}/save`, { form: vote, headers: proxied })).status()).toBe(200);
  expect((await phone.post(path, { form: { ...vote, step: "3" }, headers: proxied, maxRedirects: 0 })).status()).toBe(303);
  // Without the proxy's word, an https origin is another site; an empty header changes nothing.
  expect((await phone.post(`${path}/save`, { form: vote, headers: { Origin: proxied.Origin } })).status()).toBe(403);
  const body = new URLSearchParams(vote).toString();
  const emptyProto = { Origin: origin, "X-Forwarded-Proto": "", "Content-Length": String(body.length) };
  expect(await rawPost(new URL(`${path}/save`, baseURL).href, emptyProto, [body])).toBe(200);
  await phone.dispose();
  await workshop.consultant.dispose();
});

test("a vote from another site is refused (403), so is a body over 1 MB (413), a save not form-encoded (415) and a link nobody holds (404)", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  const { phone, path } = await join(playwright, baseURL!, workshop.code, "Bruno", "en");
  const vote = { "billing.current": "2", "billing.ideal": "3" };

  for (const target of ["/join", path, `${path}/save`]) {
    const foreign = await phone.post(target, { form: vote, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(foreign.status(), `${target} from another origin`).toBe(403);
    const huge = await phone.post(target, { form: { ...vote, "billing.comment": "x".repeat(1024 * 1024) }, maxRedirects: 0 });
    expect(huge.status(), `${target} with 1 MB of comment`).toBe(413);
  }
  const chunks = Array.from({ length: 24 }, () => `billing.comment=${"x".repeat(64 * 1024)}`);
  expect(await rawPost(new URL(`${path}/save`, baseURL).href, { "Transfer-Encoding": "chunked" }, chunks), "a chunked body over 1 MB").toBe(413);
  const multipart = await phone.post(`${path}/save`, { multipart: vote });
  expect(multipart.status()).toBe(415);
  expect(await multipart.json()).toEqual({ error: "form-encoded-only" });
  const page = await (await phone.get(`${path}?step=3`)).text();
  expect(checkedLevel(page, "billing.current"), "none of those saved anything").toBeUndefined();

  const stranger = await phone.post("/w/not-a-token-anybody-holds-000000000000000/save", { form: vote });
  expect(stranger.status()).toBe(404);
  expect(await stranger.json()).toEqual({ error: "not-found" });
  expect((await phone.post("/w/not-a-token-anybody-holds-000000000000000", { form: { ...vote, step: "3" }, maxRedirects: 0 })).status()).toBe(404);
  await phone.dispose();
  await workshop.consultant.dispose();
});

test("after the lock both vote posts are refused with 409 and change nothing", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  const { phone, path } = await join(playwright, baseURL!, workshop.code, "Grace", "en");
  expect((await phone.post(`${path}/save`, { form: { "billing.current": "2", "billing.ideal": "3" } })).status()).toBe(200);
  const locked = await workshop.consultant.post(`/orgs/${workshop.orgId}/assessments/${workshop.assessmentId}/consensus`, { form: { intent: "lock" }, maxRedirects: 0 });
  expect(locked.status()).toBe(303);

  const save = await phone.post(`${path}/save`, { form: { "billing.current": "4", "billing.ideal": "4" } });
  expect(save.status()).toBe(409);
  expect(await save.json()).toEqual({ error: "locked" });
  const post = await phone.post(path, { form: { step: "3", "billing.current": "4", "billing.ideal": "4" }, maxRedirects: 0 });
  expect(post.status()).toBe(409);
  expect(await post.text()).toContain("The facilitator has locked this assessment.");
  const page = await (await phone.get(`${path}?step=3`)).text();
  expect([checkedLevel(page, "billing.current"), checkedLevel(page, "billing.ideal")]).toEqual(["2", "3"]);
  await phone.dispose();
  await workshop.consultant.dispose();
});

test("small answers carry their length and go uncompressed; pages stream gzipped", async ({ request }) => {
  const health = await request.get("/healthz", { headers: { "Accept-Encoding": "gzip" } });
  expect(health.status()).toBe(200);
  expect(health.headers()["content-encoding"]).toBeUndefined();
  expect(Number(health.headers()["content-length"])).toBe((await health.body()).length);

  const page = await request.get("/quiz", { headers: { "Accept-Encoding": "gzip" } });
  expect(page.status()).toBe(200);
  expect(page.headers()["content-encoding"]).toBe("gzip");
  expect(await page.text()).toContain("</html>");
});

/** Sends one request on `agent`'s socket; resolves with the status, headers and time taken, whatever the body. */
function onSocket(agent: http.Agent, url: string, method: string, body?: Buffer | string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; reused: boolean; ms: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const started = Date.now();
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, ms: Date.now() - started, headers: res.headers }));
    });
    req.on("error", reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer within 15 s: ${method} ${url}`)));
    req.end(body);
  });
}

test("a post answered without reading its body leaves the keep-alive connection usable at once", async ({ baseURL }) => {
  const body = `note=${"x".repeat(200 * 1024)}`;
  // Answered before the body is read: a route with no action, a guard, an unknown invite, a sign-out.
  for (const [target, status] of [
    ["/quiz/r/nobody-has-this-result", 405],
    ["/orgs/not-mine/members", 302],
    ["/invite/not-a-real-invite-token", 302],
    ["/logout", 303],
  ] as const) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = await onSocket(agent, new URL(target, baseURL).href, "POST", body);
    expect(post.status, `${target}`).toBe(status);
    const next = await onSocket(agent, new URL("/healthz", baseURL).href, "GET");
    expect(next.status).toBe(200);
    expect(next.reused, `${target}: the next request went out on the same connection`).toBe(true);
    // It used to wait for the 66 s headers timeout.
    expect(next.ms, `${target}: the next request on the connection`).toBeLessThan(3_000);
    agent.destroy();
  }
});

test("a body over 4 MB is refused with 413 (with or without a length) before it reaches a route", async ({ baseURL }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const large = await onSocket(agent, new URL("/login", baseURL).href, "POST", `email=a&password=${"x".repeat(5 * 1024 * 1024)}`).catch((error: Error) => error);
  // The server may close before the whole body is sent; when the answer arrives, it is a 413.
  if (!(large instanceof Error)) {
    expect(large.status).toBe(413);
    expect(large.headers.connection).toBe("close");
  }
  agent.destroy();
  const chunks = Array.from({ length: 80 }, () => `password=${"x".repeat(64 * 1024)}&`);
  expect(await rawPost(new URL("/login", baseURL).href, { "Transfer-Encoding": "chunked" }, chunks), "a chunked body over 4 MB").toBe(413);
  // The server is still answering.
  expect((await onSocket(new http.Agent(), new URL("/healthz", baseURL).href, "GET")).status).toBe(200);
});

test("private pages are never cached: members, the rating page, the board", async ({ playwright, baseURL }) => {
  const workshop = await openWorkshop(playwright, baseURL!);
  const { phone, path } = await join(playwright, baseURL!, workshop.code, "Iris", "en");
  for (const [who, target] of [
    [workshop.consultant, `/orgs/${workshop.orgId}/members`],
    [workshop.consultant, `/orgs/${workshop.orgId}/assessments/${workshop.assessmentId}`],
    [phone, path],
  ] as const) {
    const page = await who.get(target);
    expect(page.status(), target).toBe(200);
    expect(page.headers()["cache-control"], target).toBe("private, no-store");
  }
  await phone.dispose();
  await workshop.consultant.dispose();
});

test("PUT, PATCH and DELETE without an Origin are refused like foreign ones; with the page's own Origin they reach the app", async ({ baseURL }) => {
  const agent = new http.Agent({ keepAlive: false });
  const origin = new URL(baseURL!).origin;
  for (const method of ["PUT", "PATCH", "DELETE"]) {
    expect((await onSocket(agent, new URL("/logout", baseURL).href, method)).status, `${method} without an Origin`).toBe(403);
    expect((await onSocket(agent, new URL("/logout", baseURL).href, method, undefined, { Origin: "https://evil.example" })).status, `${method} from another site`).toBe(403);
    expect((await onSocket(agent, new URL("/logout", baseURL).href, method, undefined, { Origin: origin })).status, `${method} from the app`).not.toBe(403);
  }
  // A POST without an Origin (scripts, old browsers) is still allowed.
  expect((await onSocket(agent, new URL("/quiz", baseURL).href, "POST", "q1=a")).status).toBe(400);
});
