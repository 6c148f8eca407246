import { describe, expect, it, vi } from "vitest";
import { makeUser } from "../../tests/setup/factories";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import { countUsers, createUser, getUserByEmail, verifyLogin } from "./user.server";

// The real password module, not the cheap hash every other file gets (tests/setup/cheap-passwords.ts):
// the timing test below needs the real cost.
vi.unmock("~/utils/password.server");

const database = useTestDatabase();

// Every test here runs real scrypt (~200 ms of CPU each); on a loaded machine a few of them can
// pass the default 5 s.

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("createUser", () => {
  it("trims the name, trims and lowercases the email, and stores a hash instead of the password", async () => {
    const user = await createUser({ name: "  Ana Pérez ", email: "  Ana.Perez@Example.COM ", password: "s3cret-enough" });
    expect(user).toMatchObject({ name: "Ana Pérez", email: "ana.perez@example.com" });
    expect(user).not.toHaveProperty("passwordHash");
    expect((await getUserByEmail("ANA.PEREZ@example.com "))?.id).toBe(user!.id);

    const row = (await database.db.orm.select().from(t.users))[0]!;
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    // The real cost (vi.unmock above), not the tests' cheap hash: the timing test below relies on it.
    expect(Number(row.passwordHash.split("$")[1])).toBeGreaterThanOrEqual(2 ** 13);
    expect(row.passwordHash).not.toContain("s3cret-enough");
  });

  it("returns null for an email that is taken, whatever its case or spacing", async () => {
    const first = await createUser({ name: "Ana", email: "ana@example.com", password: "first-password" });
    expect(first).toMatchObject({ name: "Ana", email: "ana@example.com" });
    await expect(createUser({ name: "Impostor", email: " ANA@example.com", password: "other-password" })).resolves.toBeNull();
    expect(await countUsers()).toBe(1);
    // The first account is untouched: its password still works, the second one does not.
    await expect(verifyLogin("ana@example.com", "first-password")).resolves.toMatchObject({ id: first!.id, name: "Ana" });
    await expect(verifyLogin("ana@example.com", "other-password")).resolves.toBeNull();
  });
});

describe("verifyLogin", () => {
  it("returns the user for the right password, with the email typed in any case", async () => {
    const user = await makeUser({ email: "luis@example.com", password: "right-password" });
    const result = await verifyLogin("  LUIS@example.com", "right-password");
    expect(result).toEqual({ id: user.id, email: "luis@example.com", name: user.name, createdAt: user.createdAt });
    expect(result).not.toHaveProperty("passwordHash");
  });

  it("returns null for a wrong password and for an unknown email", async () => {
    await makeUser({ email: "luis@example.com", password: "right-password" });
    await expect(verifyLogin("luis@example.com", "wrong-password")).resolves.toBeNull();
    await expect(verifyLogin("nobody@example.com", "right-password")).resolves.toBeNull();
  });

  it("spends about as long on an unknown email as on a wrong password (no account enumeration)", async () => {
    await makeUser({ email: "luis@example.com", password: "right-password" });
    // The first unknown-email login also computes the process's dummy hash; keep it out of the sample.
    await verifyLogin("warm-up@example.com", "x");

    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, so a burst of load from elsewhere tends to slow both sides alike; the median of
    // three ignores one stalled run on either side.
    for (let run = 0; run < 3; run += 1) {
      let start = performance.now();
      await expect(verifyLogin("nobody@example.com", "wrong-password")).resolves.toBeNull();
      unknown.push(performance.now() - start);
      start = performance.now();
      await expect(verifyLogin("luis@example.com", "wrong-password")).resolves.toBeNull();
      wrong.push(performance.now() - start);
    }
    // Both run one scrypt (~100+ ms); skipping it for unknown emails would make that side ~0 ms.
    const detail = `unknown ${unknown.map(Math.round).join("/")} ms, wrong password ${wrong.map(Math.round).join("/")} ms`;
    expect(median(unknown), detail).toBeGreaterThanOrEqual(median(wrong) * 0.5);
  });
});
