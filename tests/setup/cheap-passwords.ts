import { vi } from "vitest";
import type * as PasswordModule from "~/utils/password.server";

/**
 * A setup file (vite.config.ts): every unit and integration file gets the password module with a
 * cheap scrypt (N=2^10, r=8, p=1: ~2 ms instead of ~200 ms of CPU), because what those files test
 * does not depend on the cost. verifyPassword stays real: the parameters travel in the hash.
 *
 * The two files that test the real cost, app/utils/password.server.test.ts and
 * app/models/user.server.test.ts, take the real module back with
 * `vi.unmock("~/utils/password.server")` at their top.
 */
vi.mock("~/utils/password.server", async (importOriginal) => {
  const crypto = await import("node:crypto");
  const actual = await importOriginal<typeof PasswordModule>();
  const params = { N: 2 ** 10, r: 8, p: 1 };
  const hashPassword = async (password: string) => {
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync(password.normalize("NFKC"), salt, 32, params);
    return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
  };
  return { ...actual, hashPassword } satisfies typeof PasswordModule;
});
