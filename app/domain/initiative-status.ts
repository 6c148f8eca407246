import { daysBetween, type IsoDate } from "./dates";
import type { InitiativeStatus, ReviewDecision } from "./initiative.schema";

/**
 * How an initiative's status may change. `proposed` is what generation creates and nothing returns
 * to it: once accepted an initiative is part of the plan, and a proposal that is not wanted is
 * dismissed (deleted), not un-accepted. Between the other four, people move freely, reopening
 * included (a stopped initiative restarted, a done one found unfinished): the change history
 * records who did it, and a stricter rule would only send users around it.
 */
export const STATUS_TRANSITIONS: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  proposed: ["planned", "in-progress", "done", "stopped"],
  planned: ["in-progress", "done", "stopped"],
  "in-progress": ["planned", "done", "stopped"],
  done: ["planned", "in-progress", "stopped"],
  stopped: ["planned", "in-progress", "done"],
};

/** Whether a form may set `to` on an initiative that is `from` (keeping the same status always may). */
export function canChangeStatus(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** A review is recorded on an initiative that is still open: the schedule has none once done or stopped. */
export function canReview(status: InitiativeStatus): boolean {
  return status !== "done" && status !== "stopped";
}

/** What a review's decision does: `stop` stops it, `complete` finishes it, `continue` and `adjust` keep its status. */
export function statusAfterReview(status: InitiativeStatus, decision: ReviewDecision): InitiativeStatus {
  if (decision === "stop") return "stopped";
  if (decision === "complete") return "done";
  return status;
}

/**
 * A planned initiative whose start date has passed is NOT shown or stored as in progress: the
 * status says what people decided, and time alone never changes it (no silent writes, nothing a
 * history cannot explain). The page flags it instead, with this, so someone moves it on or
 * reschedules it.
 */
export function isLateToStart(status: InitiativeStatus, start: IsoDate | null, today: IsoDate): boolean {
  return status === "planned" && start !== null && daysBetween(start, today) > 0;
}

/** A target date that has passed on an initiative not yet done or stopped (the list's "overdue" filter). */
export function isPastTarget(status: InitiativeStatus, target: IsoDate | null, today: IsoDate): boolean {
  return canReview(status) && status !== "proposed" && target !== null && daysBetween(target, today) > 0;
}
