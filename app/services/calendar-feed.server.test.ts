/**
 * The calendar feeds on both databases, read back with an independent parser (ical.js): the
 * events and their dates, stable UIDs, SEQUENCE after a date moves, a replaced URL, tenancy, and
 * the language of each feed.
 */
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection.server";
import { initiativeInput, makeAssessment, makeMembership, makeOrganization, makeUser } from "../../tests/setup/factories";
import { t, useTestDatabase } from "../../tests/setup/test-db";
import { getFeedByToken } from "~/models/calendar-feed.server";
import { createInitiative, updateInitiative } from "~/models/initiative.server";
import type { Organization } from "~/models/organization.server";
import { saveReview } from "~/models/review.server";
import type { User } from "~/models/user.server";
import { calendarFeedUrl, renderFeed } from "./calendar-feed.server";

useTestDatabase();

const BASE = "https://madura.test";

type ParsedEvent = { uid: string; date: string; end: string; sequence: number; summary: string; description: string; url: string; allDay: string };

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: ParsedEvent[] = calendar.getAllSubcomponents("vevent").map((event) => {
    const start = event.getFirstPropertyValue("dtstart") as ICAL.Time;
    const end = event.getFirstPropertyValue("dtend") as ICAL.Time;
    expect(start.isDate).toBe(true);
    return {
      uid: String(event.getFirstPropertyValue("uid")),
      date: start.toString(),
      end: end.toString(),
      sequence: Number(event.getFirstPropertyValue("sequence")),
      summary: String(event.getFirstPropertyValue("summary")),
      description: String(event.getFirstPropertyValue("description")),
      url: String(event.getFirstPropertyValue("url")),
      allDay: String(event.getFirstPropertyValue("x-microsoft-cdo-alldayevent")),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue("x-wr-calname")),
    refresh: String(calendar.getFirstPropertyValue("refresh-interval")),
    ttl: String(calendar.getFirstPropertyValue("x-published-ttl")),
    events: events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid)),
  };
}

const tokenOf = (url: string) => /\/feeds\/([^/]+)\/calendar\.ics$/.exec(url)![1]!;

async function feed(url: string) {
  const text = await renderFeed(tokenOf(url), BASE);
  expect(text).not.toBeNull();
  return parseFeed(text!);
}

const initiative = initiativeInput;

let consultant: User;
let org: Organization;
let orgUrl: string;

beforeEach(async () => {
  consultant = await makeUser({ name: "Carla" });
  org = await makeOrganization(consultant.id, { name: "Andes Retail", defaultLang: "es" });
  orgUrl = await calendarFeedUrl({ organizationId: org.id }, "es", BASE);
});

describe("an organization's feed", () => {
  it("has an all-day event for each next review, target date and the next reassessment, with links back", async () => {
    const id = await createInitiative(org.id, initiative(), consultant.id);
    await createInitiative(org.id, initiative({ title: "Closed", status: "done" }), consultant.id);
    await createInitiative(org.id, initiative({ title: "Proposal", status: "proposed", start: undefined, target: undefined }), consultant.id);
    const assessment = await makeAssessment(org.id, consultant.id);
    await getDb().orm.update(t.assessments).set({ status: "locked", lockedAt: new Date(2026, 8, 15, 10) }).where(eq(t.assessments.id, assessment.id));

    expect(orgUrl).toMatch(new RegExp(`^${BASE}/feeds/[A-Za-z0-9_-]{43}/calendar\\.ics$`));
    const parsed = await feed(orgUrl);
    expect(parsed.name).toBe("Madura · Andes Retail");
    expect(parsed.refresh).toBe("PT1H");
    expect(parsed.ttl).toBe("PT1H");
    expect(parsed.events.map((e) => [e.date, e.summary])).toEqual([
      ["2026-12-08", "Revisión: Plain bills"],
      ["2027-03-01", "Fecha objetivo: Plain bills"],
      ["2027-03-15", "Reevaluación: Andes Retail"],
    ]);
    expect(parsed.events.map((e) => e.uid)).toEqual([`review-${id}-start@madura`, `target-${id}@madura`, `reassessment-${org.id}@madura`]);
    expect(parsed.events.map((e) => e.end)).toEqual(["2026-12-09", "2027-03-02", "2027-03-16"]);
    expect(parsed.events.every((e) => e.sequence === 0 && e.allDay === "TRUE")).toBe(true);
    expect(parsed.events[0]!.url).toBe(`${BASE}/orgs/${org.id}/initiatives/${id}`);
    expect(parsed.events[0]!.description).toContain(`${BASE}/orgs/${org.id}/initiatives/${id}`);
    expect(parsed.events[2]!.url).toBe(`${BASE}/orgs/${org.id}`);
  });

  it("keeps UIDs while dates move, and raises SEQUENCE only when one does", async () => {
    const id = await createInitiative(org.id, initiative(), consultant.id);
    await feed(orgUrl);
    expect((await feed(orgUrl)).events.map((e) => e.sequence)).toEqual([0, 0]);

    await updateInitiative(org.id, id, initiative({ start: "2026-06-15" }), consultant.id);
    const moved = await feed(orgUrl);
    expect(moved.events.map((e) => [e.uid, e.date, e.sequence])).toEqual([
      [`review-${id}-start@madura`, "2026-12-15", 1],
      [`target-${id}@madura`, "2027-03-01", 0],
    ]);
    // Read again: nothing moved, nothing raised.
    expect((await feed(orgUrl)).events.map((e) => e.sequence)).toEqual([1, 0]);

    await updateInitiative(org.id, id, initiative({ start: "2026-06-15", target: "2027-04-01" }), consultant.id);
    expect((await feed(orgUrl)).events.map((e) => e.sequence)).toEqual([1, 1]);

    // A recorded review ends that cycle's event; the next review is a new one.
    await saveReview(
      org.id,
      id,
      { date: "2026-12-10", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "continue", notes: "" },
      consultant.id,
    );
    const next = await feed(orgUrl);
    expect(next.events.map((e) => [e.uid, e.date, e.sequence])).toEqual([
      [`target-${id}@madura`, "2027-04-01", 1],
      [`review-${id}-2026-12-10@madura`, "2027-06-10", 0],
    ]);
  });

  it("answers nothing for a replaced address, and the new one works", async () => {
    await createInitiative(org.id, initiative(), consultant.id);
    const renewed = await calendarFeedUrl({ organizationId: org.id }, "es", BASE, true);
    expect(renewed).not.toBe(orgUrl);
    expect(await renderFeed(tokenOf(orgUrl), BASE)).toBeNull();
    expect(await getFeedByToken(tokenOf(orgUrl))).toBeNull();
    expect((await feed(renewed)).events).toHaveLength(2);
    // Seeing the settings page again shows the same, new address.
    expect(await calendarFeedUrl({ organizationId: org.id }, "es", BASE)).toBe(renewed);
    expect(await renderFeed("no-such-token", BASE)).toBeNull();
  });

  it("never lists another organization's items", async () => {
    const stranger = await makeUser({ name: "Sam" });
    const other = await makeOrganization(stranger.id, { name: "Pacific Bank", defaultLang: "en" });
    await createInitiative(other.id, initiative({ title: "Secret merger" }), stranger.id);
    await createInitiative(org.id, initiative(), consultant.id);
    const mine = await renderFeed(tokenOf(orgUrl), BASE);
    expect(mine).not.toContain("Secret merger");
    expect(mine).not.toContain("Pacific Bank");
    const theirs = await feed(await calendarFeedUrl({ organizationId: other.id }, "en", BASE));
    expect(theirs.events.map((e) => e.summary)).toEqual(["Review: Secret merger", "Target date: Secret merger"]);
  });
});

describe("a user's feed", () => {
  it("lists the items of every organization the user belongs to, and only those, in the user's language", async () => {
    const bank = await makeOrganization(consultant.id, { name: "Pacific Bank", defaultLang: "es" });
    const stranger = await makeUser({ name: "Sam" });
    const hidden = await makeOrganization(stranger.id, { name: "Hidden Co" });
    await createInitiative(org.id, initiative({ title: "Plain bills" }), consultant.id);
    await createInitiative(bank.id, initiative({ title: "Faster claims", start: "2026-07-01", target: undefined }), consultant.id);
    await createInitiative(hidden.id, initiative({ title: "Not yours" }), stranger.id);

    const url = await calendarFeedUrl({ userId: consultant.id }, "en", BASE);
    const parsed = await feed(url);
    expect(parsed.name).toBe("Madura · Carla");
    expect(parsed.events.map((e) => e.summary)).toEqual(["Review: Plain bills", "Review: Faster claims", "Target date: Plain bills"]);
    expect(parsed.events[0]!.description).toContain("Andes Retail");

    // Joining an organization adds its items; the feed address stays the same.
    await makeMembership(hidden.id, consultant.id, "viewer", stranger.id);
    expect(await calendarFeedUrl({ userId: consultant.id }, "en", BASE)).toBe(url);
    expect((await feed(url)).events.map((e) => e.summary)).toContain("Review: Not yours");
  });

  it("follows the language its address was last seen in, at the same address", async () => {
    await createInitiative(org.id, initiative({ title: "Plain bills" }), consultant.id);
    const url = await calendarFeedUrl({ userId: consultant.id }, "en", BASE);
    expect(await calendarFeedUrl({ userId: consultant.id }, "en", BASE)).toBe(url);
    expect((await feed(url)).events[0]!.summary).toBe("Review: Plain bills");
    expect(await calendarFeedUrl({ userId: consultant.id }, "es", BASE)).toBe(url);
    expect((await feed(url)).events[0]!.summary).toBe("Revisión: Plain bills");
  });
});
