import { and, eq, gt, lt, or } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { sessions, users } from "../../db/schema";
import { hashToken, randomToken } from "~/utils/tokens.server";

export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** Writing last_seen on every request would turn reads into writes; once an hour is enough. */
const TOUCH_EVERY_MS = 3600 * 1000;

export type SessionUser = { id: string; email: string; name: string };

export function createSession(userId: string, now = Date.now()): string {
  const token = randomToken();
  getDb()
    .insert(sessions)
    .values({ idHash: hashToken(token), userId, lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_ABSOLUTE_MS) })
    .run();
  return token;
}

/** The user of a live session, or null when the session is unknown, idle too long or past its end. */
export function getSessionUser(token: string, now = Date.now()): SessionUser | null {
  const db = getDb();
  const idHash = hashToken(token);
  const row = db
    .select({ id: users.id, email: users.email, name: users.name, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date(now)), gt(sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))))
    .get();
  if (!row) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.idHash, idHash)).run();
  }
  return { id: row.id, email: row.email, name: row.name };
}

export function deleteSession(token: string): void {
  getDb().delete(sessions).where(eq(sessions.idHash, hashToken(token))).run();
}

export function deleteExpiredSessions(now = Date.now()): void {
  getDb()
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))))
    .run();
}
