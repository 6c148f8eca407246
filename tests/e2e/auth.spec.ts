import { expect, test, type APIResponse } from "@playwright/test";
import { createOrganization, newClient, PASSWORD, signUp, uniqueEmail } from "./accounts";

/** Where a redirect really sends the browser: an absolute URL, resolved against the site. */
function redirectTarget(response: APIResponse, baseURL: string): URL {
  return new URL(response.headers()["location"] ?? "", baseURL);
}

test("rapid wrong passwords are slowed down with 429 and Retry-After, never locking the owner out", async ({ playwright, baseURL }) => {
  // Real password hashing and real waits (1 s, 2 s, 4 s) on a shared machine.
  test.setTimeout(90_000);
  const base = baseURL as string;
  // The owner's client signed up, so it holds the account's device cookie.
  const owner = await signUp(playwright, base, "slowed");
  const { email } = owner;
  const attacker = await newClient(playwright, base, "es");

  // Wrong passwords until the delay between tries has grown to a few seconds (seven failures: 4 s),
  // waiting out each 429 as a patient attacker would; changing the email's case buys nothing.
  let failures = 0;
  let firstRefusal: { after: number; retryAfter: number; text: string } | undefined;
  for (let attempt = 1; failures < 7 && attempt <= 20; attempt++) {
    const response = await attacker.post("/login", { form: { email: attempt % 2 ? email : email.toUpperCase(), password: `wrong password ${attempt}` }, maxRedirects: 0 });
    if (response.status() === 429) {
      const retryAfter = Number(response.headers()["retry-after"]);
      firstRefusal ??= { after: failures, retryAfter, text: await response.text() };
      await new Promise((resolve) => setTimeout(resolve, (retryAfter || 1) * 1000 + 50));
      continue;
    }
    expect(response.status(), `attempt ${attempt}`).toBe(400);
    expect(await response.text()).toContain("El correo y la contraseña no corresponden a ninguna cuenta.");
    failures += 1;
  }
  expect(firstRefusal, "a 429 once the free tries are used").toBeDefined();
  expect(firstRefusal!.after).toBeGreaterThanOrEqual(5);
  // Soft, so one missing header does not hide what the rest of the test would find.
  expect.soft(firstRefusal!.retryAfter, "Retry-After header (seconds)").toBeGreaterThan(0);
  expect.soft(firstRefusal!.retryAfter, "Retry-After header (seconds)").toBeLessThanOrEqual(2);
  expect(firstRefusal!.text).toMatch(/Demasiados intentos\. Espere \d+ segundos? y vuelva a intentarlo/);

  // While this client waits, even the right password waits: a 429 is no hint that it was right.
  const early = await attacker.post("/login", { form: { email, password: PASSWORD }, maxRedirects: 0 });
  expect(early.status()).toBe(429);
  expect(early.headers()["set-cookie"]).toBeUndefined();

  // The owner's browser, behind the same address, is not held back by someone else's failures.
  const ownerAgain = await owner.api.post("/login", { form: { email, password: PASSWORD }, maxRedirects: 0 });
  expect(ownerAgain.status()).toBe(303);

  // Other people behind the same network address still sign in.
  const colleague = await signUp(playwright, base, "colleague");
  const fresh = await newClient(playwright, base);
  const ok = await fresh.post("/login", { form: { email: colleague.email, password: PASSWORD }, maxRedirects: 0 });
  expect(ok.status()).toBe(303);

  // After the short delay, the right password gets in from the slowed client too.
  await new Promise((resolve) => setTimeout(resolve, Number(early.headers()["retry-after"] ?? 2) * 1000 + 100));
  const late = await attacker.post("/login", { form: { email, password: PASSWORD }, maxRedirects: 0 });
  expect(late.status()).toBe(303);

  await Promise.all([attacker.dispose(), owner.api.dispose(), colleague.api.dispose(), fresh.dispose()]);
});

test("a wrong password and an unknown email get the same generic answer", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const { email, api } = await signUp(playwright, base, "known");
  const client = await newClient(playwright, base);
  const wrong = await client.post("/login", { form: { email, password: "not the password" }, maxRedirects: 0 });
  const unknown = await client.post("/login", { form: { email: uniqueEmail("nobody"), password: "not the password" }, maxRedirects: 0 });
  expect(wrong.status()).toBe(400);
  expect(unknown.status()).toBe(400);
  const message = "That email and password do not match an account.";
  expect(await wrong.text()).toContain(message);
  expect(await unknown.text()).toContain(message);
  await Promise.all([api.dispose(), client.dispose()]);
});

test("a POST with a foreign Origin is refused with 403 and changes nothing", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const user = await signUp(playwright, base, "csrf");
  const orgName = `Origin ${Date.now()}`;
  const orgId = await createOrganization(user.api, orgName);
  const evil = { Origin: "https://evil.example" };

  const login = await user.api.post("/login", { form: { email: user.email, password: PASSWORD }, headers: evil, maxRedirects: 0 });
  expect(login.status()).toBe(403);
  expect(login.headers()["set-cookie"]).toBeUndefined();
  const created = await user.api.post("/orgs/new", { form: { name: "Planted by evil.example" }, headers: evil, maxRedirects: 0 });
  expect(created.status()).toBe(403);
  const deleted = await user.api.post(`/orgs/${orgId}/settings`, { form: { intent: "delete", confirm: orgName }, headers: evil, maxRedirects: 0 });
  expect(deleted.status()).toBe(403);
  const signedOut = await user.api.post("/logout", { headers: evil, maxRedirects: 0 });
  expect(signedOut.status()).toBe(403);

  const list = await user.api.get("/orgs", { maxRedirects: 0 });
  expect(list.status()).toBe(200);
  const html = await list.text();
  expect(html).toContain(orgName);
  expect(html).not.toContain("Planted by evil.example");

  // The check is about the origin, not about POSTs: the site's own origin still works.
  const own = await user.api.post("/orgs/new", { form: { name: `Own ${Date.now()}` }, headers: { Origin: new URL(base).origin }, maxRedirects: 0 });
  expect(own.status()).toBe(303);
  await user.api.dispose();
});

test("after logout a copy of the old session cookie signs nobody in", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const user = await signUp(playwright, base, "logout");
  const cookies = (await user.api.storageState()).cookies;
  const session = cookies.find((c) => c.name === "__session");
  expect(session?.value).toBeTruthy();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const stolen = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { Cookie: `__session=${session?.value}` } });
  // The copy works while the session lives, so what follows proves logout, not a broken copy.
  expect((await stolen.get("/orgs", { maxRedirects: 0 })).status()).toBe(200);

  const logout = await user.api.post("/logout", { maxRedirects: 0 });
  expect(logout.status()).toBe(303);

  for (const client of [stolen, user.api]) {
    const response = await client.get("/orgs", { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    const target = redirectTarget(response, base);
    expect(target.pathname).toBe("/login");
    expect(target.searchParams.get("redirectTo")).toBe("/orgs");
  }
  const post = await stolen.post("/orgs/new", { form: { name: "After logout" }, maxRedirects: 0 });
  expect(redirectTarget(post, base).pathname).toBe("/login");

  // A new sign-in gets a new session id, not the old one back.
  const again = await newClient(playwright, base);
  const login = await again.post("/login", { form: { email: user.email, password: PASSWORD }, maxRedirects: 0 });
  expect(login.status()).toBe(303);
  const renewed = (await again.storageState()).cookies.find((c) => c.name === "__session");
  expect(renewed?.value).toBeTruthy();
  expect(renewed?.value).not.toBe(session?.value);

  await Promise.all([stolen.dispose(), user.api.dispose(), again.dispose()]);
});

test("login only follows redirectTo within the site", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const user = await signUp(playwright, base, "redirect");
  await user.api.dispose();
  const cases: [string, string][] = [
    ["https://evil.example", "/orgs"],
    ["//evil.example", "/orgs"],
    ["/\\evil.example", "/orgs"],
    ["/orgs/new", "/orgs/new"],
  ];
  for (const [redirectTo, expected] of cases) {
    const client = await newClient(playwright, base);
    const response = await client.post("/login", { form: { email: user.email, password: PASSWORD, redirectTo }, maxRedirects: 0 });
    expect(response.status(), redirectTo).toBe(303);
    const target = redirectTarget(response, base);
    expect(target.origin, redirectTo).toBe(new URL(base).origin);
    expect(target.pathname, redirectTo).toBe(expected);
    await client.dispose();
  }
});

test("sign-up refuses a short password, a taken email and a filled honeypot, and creates no account", async ({ playwright, baseURL }) => {
  const base = baseURL as string;
  const client = await newClient(playwright, base);
  const email = uniqueEmail("short");

  const short = await client.post("/signup", { form: { name: "Short", email, password: "123456789" }, maxRedirects: 0 });
  expect(short.status()).toBe(400);
  const shortHtml = await short.text();
  expect(shortHtml).toMatch(/id="password-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?Use at least 10 characters\./);
  expect(shortHtml).toMatch(/<input[^>]*aria-invalid="true"[^>]*name="password"|<input[^>]*name="password"[^>]*aria-invalid="true"/);
  // The password is never echoed back into the page.
  expect(shortHtml).not.toContain("123456789");
  const loginShort = await client.post("/login", { form: { email, password: "123456789" }, maxRedirects: 0 });
  expect(loginShort.status()).toBe(400);

  const bot = uniqueEmail("bot");
  const honeypot = await client.post("/signup", { form: { name: "Bot", email: bot, password: PASSWORD, website: "https://spam.example" }, maxRedirects: 0 });
  expect(honeypot.status()).toBe(400);
  expect(honeypot.headers()["set-cookie"]).toBeUndefined();
  const loginBot = await client.post("/login", { form: { email: bot, password: PASSWORD }, maxRedirects: 0 });
  expect(loginBot.status()).toBe(400);

  // Neither refused email was taken: both can still sign up properly.
  for (const free of [email, bot]) {
    const ok = await newClient(playwright, base);
    const response = await ok.post("/signup", { form: { name: "Real", email: free, password: PASSWORD }, maxRedirects: 0 });
    expect(response.status(), free).toBe(303);
    await ok.dispose();
  }

  const duplicate = await client.post("/signup", { form: { name: "Again", email: email.toUpperCase(), password: "another long password" }, maxRedirects: 0 });
  expect(duplicate.status()).toBe(400);
  expect(await duplicate.text()).toMatch(/id="email-error"[^>]*>(<span[^>]*>[^<]*<\/span>)?An account with this email already exists\./);
  expect(duplicate.headers()["set-cookie"]).toBeUndefined();
  // The first owner's password still works: the duplicate did not overwrite the account.
  const owner = await client.post("/login", { form: { email, password: PASSWORD }, maxRedirects: 0 });
  expect(owner.status()).toBe(303);
  await client.dispose();
});
