import crypto from "node:crypto";
import type * as PasswordModule from "~/utils/password.server";

/**
 * The password module with a cheap scrypt (N=2^10, p=1, ~2 ms instead of ~200 ms), for test files
 * whose rules do not depend on the cost. verifyPassword stays real: the parameters travel in the
 * hash. password.server.test.ts and user.server.test.ts test the real cost. Use it as
 * `vi.mock("~/utils/password.server", async (original) => (await import("…/cheap-passwords")).cheapPasswords(original))`.
 */
export async function cheapPasswords(importOriginal: <T>() => Promise<T>): Promise<typeof PasswordModule> {
  const actual = await importOriginal<typeof PasswordModule>();
  const hashPassword = async (password: string) => {
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
    return ["scrypt", 2 ** 10, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  };
  return { ...actual, hashPassword };
}
