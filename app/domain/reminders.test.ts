import { describe, expect, it } from "vitest";
import { calendarUid, dedupeKey, MAX_ATTEMPTS, nextSequence, retryAt, reviewReminderKind, weekOf } from "./reminders";

describe("which reminder a review calls for", () => {
  it("sends one within REMINDER_DAYS before, one on the day, none after or too early", () => {
    expect(reviewReminderKind("2026-12-08", "2026-12-01", 7)).toBe("review-before");
    expect(reviewReminderKind("2026-12-08", "2026-12-07", 7)).toBe("review-before");
    expect(reviewReminderKind("2026-12-08", "2026-12-08", 7)).toBe("review-due");
    expect(reviewReminderKind("2026-12-08", "2026-11-30", 7)).toBeNull();
    expect(reviewReminderKind("2026-12-08", "2026-12-09", 7)).toBeNull();
    expect(reviewReminderKind("2026-12-08", "2026-12-05", 3)).toBe("review-before");
    expect(reviewReminderKind("2026-12-08", "2026-12-04", 3)).toBeNull();
  });

  it("keys a reminder by kind, item, due date and recipient, whatever the address's case", () => {
    expect(dedupeKey("review-before", "i1", "2026-12-08", " Ana@Example.com ")).toBe("review-before|i1|2026-12-08|ana@example.com");
    expect(dedupeKey("review-before", "i1", "2026-12-09", "ana@example.com")).not.toBe(dedupeKey("review-before", "i1", "2026-12-08", "ana@example.com"));
  });
});

describe("the weekly digest", () => {
  it("is keyed by the week's Monday", () => {
    expect(weekOf("2026-12-07")).toBe("2026-12-07");
    expect(weekOf("2026-12-13")).toBe("2026-12-07");
    expect(weekOf("2026-12-14")).toBe("2026-12-14");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
  });
});

describe("retries", () => {
  it("waits longer after each refusal, then gives up", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const waits = [1, 2, 3, 4, 5].map((n) => (retryAt(n, now)!.getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 15, 60, 240]);
    expect(retryAt(MAX_ATTEMPTS, now)).toBeNull();
    // OUTBOX_RETRY_SECONDS=2: the same steps, two seconds each.
    expect([1, 2, 3, 4, 5].map((n) => (retryAt(n, now, 2)!.getTime() - now.getTime()) / 1000)).toEqual([2, 10, 30, 120, 480]);
    expect(retryAt(MAX_ATTEMPTS, now, 2)).toBeNull();
  });
});

describe("calendar events", () => {
  it("keep their UID while their date moves, and raise SEQUENCE only when it does", () => {
    expect(calendarUid("review", "abc")).toBe("review-abc-start@madura");
    expect(calendarUid("review", "abc", "2026-06-01")).toBe("review-abc-2026-06-01@madura");
    expect(calendarUid("target", "abc")).toBe("target-abc@madura");
    expect(nextSequence(undefined, "2026-12-08")).toBe(0);
    expect(nextSequence({ date: "2026-12-08", sequence: 2 }, "2026-12-08")).toBe(2);
    expect(nextSequence({ date: "2026-12-08", sequence: 2 }, "2026-12-09")).toBe(3);
  });
});
