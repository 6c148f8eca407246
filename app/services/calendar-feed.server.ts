/**
 * The calendar feeds (INTERFACES "Reminders"): an organization's, or a user's across their
 * organizations, as iCalendar: an all-day event for each initiative's next review and target date
 * and each organization's next reassessment, in the organization's language (a user's feed: the
 * language they saw its URL in).
 */
import { calendarUid } from "~/domain/reminders";
import { renderCalendar, type FeedEvent } from "~/integrations/ical.server";
import { eventSequences, getFeedByToken, getOrCreateFeed, renewFeed, type FeedOwner } from "~/models/calendar-feed.server";
import { listScheduledOrganizations } from "~/models/organization.server";
import { getUserById } from "~/models/user.server";
import type { Lang, MessageKey } from "~/utils/i18n";
import { translate } from "~/utils/i18n.server";
import { getScheduleItems, type ScheduleItem } from "./initiatives.server";

const EVENT_TEXT = {
  review: { summary: "feed.review.summary", description: "feed.review.description" },
  target: { summary: "feed.target.summary", description: "feed.target.description" },
  reassessment: { summary: "feed.reassessment.summary", description: "feed.reassessment.description" },
} as const satisfies Record<ScheduleItem["kind"], { summary: MessageKey; description: MessageKey }>;

/** Calendars are asked to come back hourly; Google decides for itself (every several hours). */
export const FEED_REFRESH_SECONDS = 3600;

/** The feed behind a token, or null (unknown or replaced token: the route answers 404). */
export async function renderFeed(token: string, baseUrl: string, now = new Date()): Promise<string | null> {
  const feed = await getFeedByToken(token);
  if (!feed) return null;
  let organizations;
  let name: string;
  let description: string;
  const lang = feed.organizationId ? undefined : feed.lang;
  if (feed.organizationId) {
    organizations = await listScheduledOrganizations({ ids: [feed.organizationId] });
    const organization = organizations[0];
    if (!organization) return null;
    name = `Madura · ${organization.name}`;
    description = translate(organization.defaultLang, "feed.description.organization", { name: organization.name });
  } else {
    const user = feed.userId ? await getUserById(feed.userId) : undefined;
    if (!user) return null;
    organizations = await listScheduledOrganizations({ memberId: user.id });
    name = `Madura · ${user.name}`;
    description = translate(feed.lang, "feed.description.user");
  }
  const langOf = new Map(organizations.map((o) => [o.id, lang ?? o.defaultLang]));
  const items = await getScheduleItems(organizations);
  const dated = items.map((item) => ({ item, uid: uidOf(item), date: item.date }));
  const sequences = await eventSequences(dated);
  const events: FeedEvent[] = dated.map(({ item, uid }) => {
    const itemLang = langOf.get(item.organizationId) ?? "es";
    const names = { title: item.title, organization: item.organizationName };
    return {
      uid,
      sequence: sequences.get(uid) ?? 0,
      date: item.date,
      summary: translate(itemLang, EVENT_TEXT[item.kind].summary, names),
      description: translate(itemLang, EVENT_TEXT[item.kind].description, names),
      url: itemUrl(baseUrl, item),
    };
  });
  return renderCalendar({ name, description, lang: lang ?? organizations[0]?.defaultLang ?? "es", refreshSeconds: FEED_REFRESH_SECONDS, events }, now);
}

function uidOf(item: ScheduleItem): string {
  if (item.kind === "reassessment") return calendarUid("reassessment", item.organizationId);
  return calendarUid(item.kind, item.initiativeId!, item.lastReviewDate ?? undefined);
}

/** The page an event or a reminder links to: the initiative, or the organization for a reassessment. */
export function itemUrl(baseUrl: string, item: Pick<ScheduleItem, "organizationId" | "initiativeId">): string {
  return item.initiativeId ? `${baseUrl}/orgs/${item.organizationId}/initiatives/${item.initiativeId}` : `${baseUrl}/orgs/${item.organizationId}`;
}

/** The address calendars subscribe to; it ends in .ics, which Outlook looks for. */
export function feedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/feeds/${token}/calendar.ics`;
}

/** The URL of an owner's feed (made on first sight), or of a new one after "Make a new URL". */
export async function calendarFeedUrl(owner: FeedOwner, lang: Lang, baseUrl: string, renew = false): Promise<string> {
  const feed = renew ? await renewFeed(owner, lang) : await getOrCreateFeed(owner, lang);
  return feedUrl(baseUrl, feed.token);
}
