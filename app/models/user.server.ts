import { count, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import { normalizeEmail } from "~/domain/email";
import { dummyHash, hashPassword, verifyPassword } from "~/utils/password.server";
import { randomId } from "~/utils/tokens.server";

export type User = Omit<Tables["users"]["$inferSelect"], "passwordHash">;

export { normalizeEmail };

export async function countUsers(): Promise<number> {
  const { orm, t } = getDb();
  const [row] = await orm.select({ n: count() }).from(t.users);
  return row?.n ?? 0;
}

export async function getUserByEmail(email: string): Promise<User | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm
    .select({ id: t.users.id, email: t.users.email, name: t.users.name, createdAt: t.users.createdAt })
    .from(t.users)
    .where(eq(t.users.email, normalizeEmail(email)));
  return row;
}

export async function getUserById(id: string): Promise<User | undefined> {
  const { orm, t } = getDb();
  const [row] = await orm.select({ id: t.users.id, email: t.users.email, name: t.users.name, createdAt: t.users.createdAt }).from(t.users).where(eq(t.users.id, id));
  return row;
}

/** Hashes first (slow, async), then inserts; returns null when the email is taken. */
export async function createUser(input: { name: string; email: string; password: string }): Promise<User | null> {
  const passwordHash = await hashPassword(input.password);
  const { orm, t } = getDb();
  const [row] = await orm
    .insert(t.users)
    .values({ id: randomId(), name: input.name.trim(), email: normalizeEmail(input.email), passwordHash })
    .onConflictDoNothing({ target: t.users.email })
    .returning({ id: t.users.id, email: t.users.email, name: t.users.name, createdAt: t.users.createdAt });
  return row ?? null;
}

/** The user when email and password match; the same work is done for an unknown email. */
export async function verifyLogin(email: string, password: string): Promise<User | null> {
  const { orm, t } = getDb();
  const [row] = await orm.select().from(t.users).where(eq(t.users.email, normalizeEmail(email)));
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash()));
  if (!row || !ok) return null;
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt };
}
