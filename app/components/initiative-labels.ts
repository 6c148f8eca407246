import type { Effort, InitiativeStatus, ReviewDecision, Staffing } from "~/domain/initiative.schema";
import type { MessageKey } from "~/utils/i18n";

/** The words for an initiative's values: literal keys, so the dictionary test sees each one used. */
export const STATUS_LABEL: Record<InitiativeStatus, MessageKey> = {
  proposed: "initiative.status.proposed",
  planned: "initiative.status.planned",
  "in-progress": "initiative.status.in-progress",
  done: "initiative.status.done",
  stopped: "initiative.status.stopped",
};

export const PRIORITY_LABEL: Record<string, MessageKey> = {
  "1": "initiative.priority.1",
  "2": "initiative.priority.2",
  "3": "initiative.priority.3",
};

/** The same, under a heading that already says "Priority": "High", not "High priority". */
export const PRIORITY_SHORT: Record<string, MessageKey> = {
  "1": "initiative.priority.short.1",
  "2": "initiative.priority.short.2",
  "3": "initiative.priority.short.3",
};

export const EFFORT_LABEL: Record<Effort, MessageKey> = { S: "initiative.effort.S", M: "initiative.effort.M", L: "initiative.effort.L" };

export const STAFFING_LABEL: Record<Staffing, MessageKey> = {
  none: "initiative.staffing.none",
  train: "initiative.staffing.train",
  hire: "initiative.staffing.hire",
};

export const DECISION_LABEL: Record<ReviewDecision, { label: MessageKey; text: MessageKey }> = {
  continue: { label: "review.decision.continue", text: "review.decision.continue.text" },
  adjust: { label: "review.decision.adjust", text: "review.decision.adjust.text" },
  stop: { label: "review.decision.stop", text: "review.decision.stop.text" },
  complete: { label: "review.decision.complete", text: "review.decision.complete.text" },
};

/** Status as a word and a colour (never colour alone). */
export const STATUS_STYLE: Record<InitiativeStatus, string> = {
  proposed: "bg-accent-soft text-ink",
  planned: "bg-primary-soft text-primary-strong",
  "in-progress": "bg-primary text-white",
  done: "bg-ink text-white",
  stopped: "bg-line text-ink",
};
