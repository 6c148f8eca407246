import { describe, expect, it } from "vitest";
import { INITIATIVE_STATUSES, REVIEW_DECISIONS } from "./initiative.schema";
import { canChangeStatus, canReview, isLateToStart, isPastTarget, STATUS_TRANSITIONS, statusAfterReview } from "./initiative-status";

describe("status transitions", () => {
  it("never go back to proposed, and keep a status unchanged", () => {
    for (const from of INITIATIVE_STATUSES) {
      expect(canChangeStatus(from, from), from).toBe(true);
      if (from !== "proposed") expect(canChangeStatus(from, "proposed"), from).toBe(false);
    }
  });

  it("let an accepted initiative move between the other four, reopening included", () => {
    expect(canChangeStatus("proposed", "planned")).toBe(true);
    expect(canChangeStatus("planned", "in-progress")).toBe(true);
    expect(canChangeStatus("in-progress", "done")).toBe(true);
    expect(canChangeStatus("done", "in-progress")).toBe(true);
    expect(canChangeStatus("stopped", "planned")).toBe(true);
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...INITIATIVE_STATUSES].sort());
  });
});

describe("reviews", () => {
  it("stop stops, complete finishes, continue and adjust keep the status", () => {
    expect(statusAfterReview("in-progress", "stop")).toBe("stopped");
    expect(statusAfterReview("planned", "complete")).toBe("done");
    expect(statusAfterReview("in-progress", "continue")).toBe("in-progress");
    expect(statusAfterReview("planned", "adjust")).toBe("planned");
    for (const status of INITIATIVE_STATUSES) {
      for (const decision of REVIEW_DECISIONS) expect(canChangeStatus(status, statusAfterReview(status, decision)), `${status} ${decision}`).toBe(true);
    }
  });

  it("are recorded only while the initiative is open", () => {
    expect(INITIATIVE_STATUSES.filter(canReview)).toEqual(["proposed", "planned", "in-progress"]);
  });
});

describe("dates against the status", () => {
  it("flags a planned initiative whose start has passed, without calling it in progress", () => {
    expect(isLateToStart("planned", "2026-06-01", "2026-06-02")).toBe(true);
    expect(isLateToStart("planned", "2026-06-01", "2026-06-01")).toBe(false);
    expect(isLateToStart("in-progress", "2026-06-01", "2026-07-01")).toBe(false);
    expect(isLateToStart("planned", null, "2026-07-01")).toBe(false);
  });

  it("flags a passed target only on an accepted, open initiative", () => {
    expect(isPastTarget("in-progress", "2026-06-30", "2026-07-01")).toBe(true);
    expect(isPastTarget("planned", "2026-06-30", "2026-06-30")).toBe(false);
    expect(isPastTarget("done", "2026-06-30", "2026-07-01")).toBe(false);
    expect(isPastTarget("stopped", "2026-06-30", "2026-07-01")).toBe(false);
    expect(isPastTarget("proposed", "2026-06-30", "2026-07-01")).toBe(false);
  });
});
