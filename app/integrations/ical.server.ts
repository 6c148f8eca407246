/**
 * iCalendar feeds (RFC 5545) with ical-generator: all-day events that Outlook, Google Calendar and
 * Apple Calendar subscribe to. The generator writes the all-day flags Outlook wants
 * (X-MICROSOFT-CDO-ALLDAYEVENT), and both REFRESH-INTERVAL and X-PUBLISHED-TTL from `ttl`.
 */
import ical, { ICalCalendarMethod } from "ical-generator";
import { addDaysToDate, fromIsoDate, type IsoDate } from "~/domain/dates";

export type FeedEvent = {
  uid: string;
  sequence: number;
  /** The day, all day long. */
  date: IsoDate;
  summary: string;
  description: string;
  url: string;
};

export type Feed = { name: string; description: string; lang: string; refreshSeconds: number; events: readonly FeedEvent[] };

/** Dates are calendar days: local noon of the day, as app/domain/dates does, written as DATE values. */
export function renderCalendar(feed: Feed, now: Date): string {
  const calendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: "Madura", product: "Madura", language: feed.lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: feed.refreshSeconds,
  });
  for (const event of feed.events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: now,
      start: fromIsoDate(event.date),
      end: fromIsoDate(addDaysToDate(event.date, 1)),
      allDay: true,
      summary: event.summary,
      description: `${event.description}\n\n${event.url}`,
      url: event.url,
    });
  }
  return calendar.toString();
}
