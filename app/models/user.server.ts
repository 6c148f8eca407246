import { count, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { users } from "../../db/schema";
import { dummyHash, hashPassword, verifyPassword } from "~/utils/password.server";
import { randomId } from "~/utils/tokens.server";

export type User = Omit<typeof users.$inferSelect, "passwordHash">;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export function getUserByEmail(email: string): User | undefined {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
}

/** Hashes first (slow, async), then inserts; returns null when the email is taken. */
export async function createUser(input: { name: string; email: string; password: string }): Promise<User | null> {
  const passwordHash = await hashPassword(input.password);
  const row = getDb()
    .insert(users)
    .values({ id: randomId(), name: input.name.trim(), email: normalizeEmail(input.email), passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
    .get();
  return row ?? null;
}

/** The user when email and password match; the same work is done for an unknown email. */
export async function verifyLogin(email: string, password: string): Promise<User | null> {
  const row = getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash()));
  if (!row || !ok) return null;
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt };
}
