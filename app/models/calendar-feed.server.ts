import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { IsoDate } from "~/domain/dates";
import { nextSequence } from "~/domain/reminders";
import type { Lang } from "~/utils/i18n";
import { randomId, randomToken } from "~/utils/tokens.server";

/** Whose feed: an organization's, or a user's (everything of theirs across their organizations). */
export type FeedOwner = { organizationId: string } | { userId: string };

export type CalendarFeed = { token: string; lang: Lang } & ({ organizationId: string; userId: null } | { organizationId: null; userId: string });

const ownerWhere = (owner: FeedOwner) => {
  const { t } = getDb();
  return "organizationId" in owner ? eq(t.calendarFeeds.organizationId, owner.organizationId) : eq(t.calendarFeeds.userId, owner.userId);
};

/**
 * The owner's feed, made on first sight (a token of 256 bits). Two first sights at once meet at
 * the owner's unique index: the insert that loses does nothing and both read the winner's row. A
 * user's feed follows the language they last saw its URL in. Seeing it again writes nothing unless
 * that language changed, so the settings and account pages stay reads.
 */
export async function getOrCreateFeed(owner: FeedOwner, lang: Lang): Promise<CalendarFeed> {
  const { orm, t } = getDb();
  const [seen] = await orm.select().from(t.calendarFeeds).where(ownerWhere(owner));
  if (seen && ("organizationId" in owner || seen.lang === lang)) return seen as CalendarFeed;
  if (seen) await orm.update(t.calendarFeeds).set({ lang }).where(ownerWhere(owner));
  else await orm.insert(t.calendarFeeds).values({ id: randomId(), token: randomToken(), lang, ...owner }).onConflictDoNothing();
  const [feed] = await orm.select().from(t.calendarFeeds).where(ownerWhere(owner));
  return feed as CalendarFeed;
}

/** "Make a new URL": a new token replaces the old one, which answers 404 from now on. */
export async function renewFeed(owner: FeedOwner, lang: Lang): Promise<CalendarFeed> {
  const { orm, t } = getDb();
  const feed = await getOrCreateFeed(owner, lang);
  await orm.update(t.calendarFeeds).set({ token: randomToken() }).where(and(ownerWhere(owner), eq(t.calendarFeeds.token, feed.token)));
  return getOrCreateFeed(owner, lang);
}

export async function getFeedByToken(token: string): Promise<CalendarFeed | null> {
  const { orm, t } = getDb();
  const [feed] = await orm.select().from(t.calendarFeeds).where(eq(t.calendarFeeds.token, token));
  return (feed as CalendarFeed | undefined) ?? null;
}

/**
 * The SEQUENCE of each event about to be served: 0 the first time, one more each time its date
 * moved since the last read. Only new and moved events are written; two reads at once raise a
 * moved event once, because the raise is conditional on the old date still being stored.
 */
export async function eventSequences(events: readonly { uid: string; date: IsoDate }[]): Promise<Map<string, number>> {
  const sequences = new Map<string, number>();
  if (events.length === 0) return sequences;
  const { orm, t } = getDb();
  const stored = new Map(
    (await orm.select().from(t.calendarEvents).where(inArray(t.calendarEvents.uid, events.map((e) => e.uid)))).map((row) => [row.uid, row]),
  );
  for (const { uid, date } of events) {
    const before = stored.get(uid);
    const sequence = nextSequence(before, date);
    if (!before) {
      await orm.insert(t.calendarEvents).values({ uid, date, sequence }).onConflictDoNothing();
    } else if (before.date !== date) {
      await orm
        .update(t.calendarEvents)
        .set({ date, sequence })
        .where(and(eq(t.calendarEvents.uid, uid), eq(t.calendarEvents.date, before.date)));
    }
    sequences.set(uid, sequence);
  }
  return sequences;
}
