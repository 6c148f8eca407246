import { and, eq, gt, lt, or } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { hashToken, randomToken } from "~/utils/tokens.server";

export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** Writing last_seen on every request would turn reads into writes; once an hour is enough. */
const TOUCH_EVERY_MS = 3600 * 1000;

export type SessionUser = { id: string; email: string; name: string };

export async function createSession(userId: string, now = Date.now()): Promise<string> {
  const token = randomToken();
  const { orm, t } = getDb();
  await orm.insert(t.sessions).values({ idHash: hashToken(token), userId, lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_ABSOLUTE_MS) });
  return token;
}

/** The user of a live session, or null when the session is unknown, idle too long or past its end. */
export async function getSessionUser(token: string, now = Date.now()): Promise<SessionUser | null> {
  const { orm, t } = getDb();
  const idHash = hashToken(token);
  const [row] = await orm
    .select({ id: t.users.id, email: t.users.email, name: t.users.name, lastSeenAt: t.sessions.lastSeenAt })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(and(eq(t.sessions.idHash, idHash), gt(t.sessions.expiresAt, new Date(now)), gt(t.sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))));
  if (!row) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await orm.update(t.sessions).set({ lastSeenAt: new Date(now) }).where(eq(t.sessions.idHash, idHash));
  }
  return { id: row.id, email: row.email, name: row.name };
}

export async function deleteSession(token: string): Promise<void> {
  const { orm, t } = getDb();
  await orm.delete(t.sessions).where(eq(t.sessions.idHash, hashToken(token)));
}

export async function deleteExpiredSessions(now = Date.now()): Promise<void> {
  const { orm, t } = getDb();
  await orm.delete(t.sessions).where(or(lt(t.sessions.expiresAt, new Date(now)), lt(t.sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))));
}
