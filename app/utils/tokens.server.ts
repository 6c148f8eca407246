import crypto from "node:crypto";

/** An unguessable token for links and cookies (default 256 bits). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Short random ids for records whose id appears in URLs (96 bits: unguessable, not a secret). */
export function randomId(): string {
  return crypto.randomBytes(12).toString("base64url");
}

/** Tokens are stored hashed, so a copy of the database cannot be used to sign in or join. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}
