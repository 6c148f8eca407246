import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dummyHash, hashPassword, verifyPassword } from "./password.server";

// The real module, not the cheap hash every other file gets (tests/setup/cheap-passwords.ts).
vi.unmock("~/utils/password.server");

// A real hash is ~200 ms of CPU; on a loaded machine a test with a few of them can pass the default 5 s.

const HASH_FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/**
 * A hash in the stored format with cheap parameters, of the password exactly as given (no
 * normalisation). verifyPassword reads the parameters from the string, so it runs the same code
 * on these as on real hashes at a hundredth of the cost (a real one is ~200 ms of CPU).
 */
function cheapHash(password: string, params = { N: 2 ** 10, r: 8, p: 1 }): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, 32, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Replaces one `$`-separated field of a stored hash. */
function withField(hash: string, index: number, value: string): string {
  const parts = hash.split("$");
  parts[index] = value;
  return parts.join("$");
}

/** A different base64url character at position `at`, so the decoded bytes change. */
function flipChar(text: string, at: number): string {
  const replacement = text[at] === "A" ? "B" : "A";
  return `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
}

describe("hashPassword", () => {
  let hash = "";
  beforeAll(async () => {
    hash = await hashPassword("correct horse battery staple");
  });

  it("makes a hash that verifies the same password and no other", async () => {
    const results = await Promise.all([
      verifyPassword("correct horse battery staple", hash),
      verifyPassword("correct horse battery stapler", hash),
    ]);
    expect(results).toEqual([true, false]);
  });

  it("stores scheme, OWASP's scrypt parameters, a 128-bit salt and a 256-bit key", () => {
    const match = HASH_FORMAT.exec(hash);
    expect(match, hash).not.toBeNull();
    const [, n, r, p, salt, key] = match!;
    // OWASP Password Storage Cheat Sheet: N=2^13 (or more), r=8, p=10 is the low-memory option.
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 13);
    expect(Number(r)).toBe(8);
    expect(Number(p)).toBe(10);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(key!, "base64url")).toHaveLength(32);
    expect(hash).not.toContain("correct");
  });

  it("salts every hash: the same password hashes differently twice, and both verify", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(first).not.toBe(second);
    expect(first.split("$")[4]).not.toBe(second.split("$")[4]);
    const results = await Promise.all([verifyPassword("same password", first), verifyPassword("same password", second)]);
    expect(results).toEqual([true, true]);
  });

  it("normalises to NFKC before hashing: a hash of “ﬁsh” is a hash of “fish”", async () => {
    const ligature = await hashPassword("\uFB01sh-and-chips"); // "ﬁ" (U+FB01) + "sh-and-chips"
    const [, n, r, p, salt, key] = ligature.split("$");
    const plainKey = crypto.scryptSync("fish-and-chips", Buffer.from(salt!, "base64url"), 32, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 64 * 1024 * 1024,
    });
    expect(plainKey.toString("base64url")).toBe(key);
  });

  it("keeps one dummy hash per process, in the same format as a real one", async () => {
    const first = await dummyHash();
    expect(first).toMatch(HASH_FORMAT);
    await expect(dummyHash()).resolves.toBe(first);
  });
});

describe("verifyPassword", () => {
  it("rejects a password differing in one letter, in case, in whitespace, or empty", async () => {
    const hash = cheapHash("correct horse battery staple");
    await expect(verifyPassword("correct horse battery staple", hash)).resolves.toBe(true);
    for (const wrong of ["correct horse battery stapler", "Correct horse battery staple", "correct horse battery staple ", ""]) {
      await expect(verifyPassword(wrong, hash), JSON.stringify(wrong)).resolves.toBe(false);
    }
  });

  it("uses the parameters stored in the hash, so they can be raised later", async () => {
    const legacy = cheapHash("legacy password", { N: 2 ** 10, r: 8, p: 1 });
    await expect(verifyPassword("legacy password", legacy)).resolves.toBe(true);
    // The same salt and key under other parameters is a different function.
    await expect(verifyPassword("legacy password", withField(legacy, 1, String(2 ** 11)))).resolves.toBe(false);
    await expect(verifyPassword("legacy password", withField(legacy, 3, "2"))).resolves.toBe(false);
  });

  it("returns false for a tampered key or salt", async () => {
    const hash = cheapHash("pw");
    const [, , , , salt, key] = hash.split("$") as [string, string, string, string, string, string];
    await expect(verifyPassword("pw", withField(hash, 5, flipChar(key, 0)))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 5, flipChar(key, key.length - 2)))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 4, flipChar(salt, 0)))).resolves.toBe(false);
  });

  it("returns false for an unknown scheme, a missing field or a string that is no hash", async () => {
    const hash = cheapHash("pw");
    await expect(verifyPassword("pw", withField(hash, 0, "argon2id"))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 0, "SCRYPT"))).resolves.toBe(false);
    await expect(verifyPassword("pw", hash.split("$").slice(0, 5).join("$"))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 4, ""))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 5, ""))).resolves.toBe(false);
    await expect(verifyPassword("pw", "")).resolves.toBe(false);
    await expect(verifyPassword("pw", "pw")).resolves.toBe(false);
  });

  it("returns false when the stored key is empty or truncated", async () => {
    const hash = cheapHash("pw");
    const key = hash.split("$")[5]!;
    await expect(verifyPassword("not the password", withField(hash, 5, "-"))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 5, key.slice(0, 2)))).resolves.toBe(false);
  });

  it("returns false, not an exception, for parameters scrypt refuses", async () => {
    const hash = cheapHash("pw");
    await expect(verifyPassword("pw", withField(hash, 1, "abc"))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 1, "1000"))).resolves.toBe(false);
    await expect(verifyPassword("pw", withField(hash, 1, String(2 ** 30)))).resolves.toBe(false);
  });

  it("normalises to NFKC before comparing: ligatures, full-width letters, decomposed accents", async () => {
    const plain = cheapHash("fish-and-chips");
    await expect(verifyPassword("\uFB01sh-and-chips", plain)).resolves.toBe(true); // "ﬁ" ligature
    await expect(verifyPassword("\uFF46\uFF49sh-and-chips", plain)).resolves.toBe(true); // full-width "ｆｉ"
    const composed = cheapHash("contrase\u00F1a");
    await expect(verifyPassword("contrasen\u0303a", composed)).resolves.toBe(true);
    // Normalisation is not case folding.
    await expect(verifyPassword("FISH-AND-CHIPS", plain)).resolves.toBe(false);
  });
});
