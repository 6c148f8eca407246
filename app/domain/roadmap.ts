import { addMonthsToDate, dayNumber, type IsoDate } from "./dates";
import type { InitiativeStatus } from "./initiative.schema";
import { nextReviewDate } from "./review-schedule";

/**
 * The roadmap (SPEC §6, INTERFACES "GET /orgs/:orgId/roadmap"): whole quarters from six months back
 * to eighteen months ahead, initiatives as bars grouped by category, review milestones, the next
 * reassessment and today. Pure: every position is a share (0–1) of the window, so the page can draw
 * it in any width, in print, and on a phone that scrolls by quarter.
 */

export const MONTHS_BACK = 6;
export const MONTHS_AHEAD = 18;

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4; start: IsoDate; at: number };
export type RoadmapWindow = { start: IsoDate; /** Exclusive: the first day after the last quarter. */ end: IsoDate; quarters: Quarter[] };

const pad = (n: number) => String(n).padStart(2, "0");
const quarterStart = (iso: IsoDate): IsoDate => `${iso.slice(0, 4)}-${pad(Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1)}-01`;

export function roadmapWindow(today: IsoDate): RoadmapWindow {
  const start = quarterStart(addMonthsToDate(today, -MONTHS_BACK));
  const end = addMonthsToDate(quarterStart(addMonthsToDate(today, MONTHS_AHEAD)), 3);
  const span = dayNumber(end) - dayNumber(start);
  const quarters: Quarter[] = [];
  for (let q = start; q < end; q = addMonthsToDate(q, 3)) {
    const month = Number(q.slice(5, 7));
    quarters.push({ year: Number(q.slice(0, 4)), quarter: ((month - 1) / 3 + 1) as Quarter["quarter"], start: q, at: (dayNumber(q) - dayNumber(start)) / span });
  }
  return { start, end, quarters };
}

/** Where a day falls in the window, 0 at its first day and 1 at its end; outside it, clamped. */
export function positionIn(window: Pick<RoadmapWindow, "start" | "end">, date: IsoDate): number {
  const share = (dayNumber(date) - dayNumber(window.start)) / (dayNumber(window.end) - dayNumber(window.start));
  return Math.min(1, Math.max(0, share));
}

const inWindow = (window: Pick<RoadmapWindow, "start" | "end">, date: IsoDate) => date >= window.start && date < window.end;

export type TimelineInitiative = {
  id: string;
  title: string;
  status: InitiativeStatus;
  ownerName: string;
  start: IsoDate | null;
  target: IsoDate | null;
  categories: readonly string[];
  /** Every review held, any order. */
  reviewDates: readonly IsoDate[];
};

export type RoadmapFilters = { category?: string; status?: InitiativeStatus; owner?: string };

export type Milestone = { date: IsoDate; at: number; state: "held" | "due" | "overdue" };

export type RoadmapBar = {
  id: string;
  title: string;
  status: InitiativeStatus;
  ownerName: string;
  start: IsoDate;
  end: IsoDate;
  from: number;
  to: number;
  /** The bar goes on beyond the window's edge. */
  before: boolean;
  after: boolean;
  milestones: Milestone[];
};

export type RoadmapGroup = { category: string | null; bars: RoadmapBar[] };

/** One entry of the ordered list of INTERFACES: `data-kind`, `data-start`, and `data-end` for initiatives. */
export type RoadmapItem =
  | { kind: "initiative"; start: IsoDate; end: IsoDate; initiativeId: string; title: string; status: InitiativeStatus }
  | { kind: "review"; start: IsoDate; initiativeId: string; title: string; state: Milestone["state"] }
  | { kind: "reassessment"; start: IsoDate };

export type Roadmap = {
  window: RoadmapWindow;
  today: number;
  reassessment: { date: IsoDate; at: number } | null;
  groups: RoadmapGroup[];
  items: RoadmapItem[];
};

export function matchesFilters(initiative: TimelineInitiative, filters: RoadmapFilters): boolean {
  return (
    (!filters.status || initiative.status === filters.status) &&
    (!filters.owner || initiative.ownerName === filters.owner) &&
    (!filters.category || initiative.categories.includes(filters.category))
  );
}

// YYYY-MM-DD strings order as their days; a plain comparison, not the collator (hundreds of sorts per page).
const byDate = (a: IsoDate, b: IsoDate) => (a < b ? -1 : a > b ? 1 : 0);

const KIND_ORDER: Record<RoadmapItem["kind"], number> = { reassessment: 0, initiative: 1, review: 2 };
const itemTitle = (item: RoadmapItem) => (item.kind === "reassessment" ? "" : item.title);

/** Whether an initiative has a bar on the timeline: dated, and touching the window. */
export function onTimeline(initiative: Pick<TimelineInitiative, "start" | "target">, window: Pick<RoadmapWindow, "start" | "end">): boolean {
  if (initiative.start === null) return false;
  const end = initiative.target && initiative.target > initiative.start ? initiative.target : initiative.start;
  return initiative.start < window.end && end >= window.start;
}

export type RoadmapInput = {
  initiatives: readonly TimelineInitiative[];
  filters: RoadmapFilters;
  today: IsoDate;
  nextReassessment: IsoDate | null;
  categoryOrder: readonly string[];
};

/**
 * Lays out the initiatives that have dates and touch the window (after the filters), grouped by
 * category in `categoryOrder` (an initiative sits under its first capability's category, or under
 * the filtered category), each group by start; and the ordered list of everything on the timeline,
 * by date. A review is `held` (a review's date) or the next one `due` (`overdue` once past).
 */
export function buildRoadmap(input: RoadmapInput): Roadmap {
  const { filters, today, nextReassessment } = input;
  const window = roadmapWindow(today);
  const groups = new Map<string | null, RoadmapBar[]>();
  const items: RoadmapItem[] = [];
  for (const initiative of input.initiatives) {
    if (initiative.start === null || !matchesFilters(initiative, filters) || !onTimeline(initiative, window)) continue;
    const start = initiative.start;
    const end = initiative.target && initiative.target > start ? initiative.target : start;
    const milestones: Milestone[] = initiative.reviewDates.filter((d) => inWindow(window, d)).map((date) => ({ date, at: positionIn(window, date), state: "held" }));
    const next = nextReviewDate({ status: initiative.status, start, reviewDates: initiative.reviewDates });
    if (next && inWindow(window, next)) milestones.push({ date: next, at: positionIn(window, next), state: next < today ? "overdue" : "due" });
    milestones.sort((a, b) => byDate(a.date, b.date));
    const category = filters.category ?? initiative.categories[0] ?? null;
    const bar: RoadmapBar = {
      id: initiative.id,
      title: initiative.title,
      status: initiative.status,
      ownerName: initiative.ownerName,
      start,
      end,
      from: positionIn(window, start),
      to: positionIn(window, end),
      before: start < window.start,
      after: end >= window.end,
      milestones,
    };
    const group = groups.get(category);
    if (group) group.push(bar);
    else groups.set(category, [bar]);
    items.push({ kind: "initiative", start, end, initiativeId: initiative.id, title: initiative.title, status: initiative.status });
    for (const m of milestones) items.push({ kind: "review", start: m.date, initiativeId: initiative.id, title: initiative.title, state: m.state });
  }
  const reassessment = nextReassessment && inWindow(window, nextReassessment) ? { date: nextReassessment, at: positionIn(window, nextReassessment) } : null;
  if (reassessment) items.push({ kind: "reassessment", start: reassessment.date });
  items.sort((a, b) => byDate(a.start, b.start) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || itemTitle(a).localeCompare(itemTitle(b)));
  const rank = (category: string | null) => {
    const index = category === null ? -1 : input.categoryOrder.indexOf(category);
    return index === -1 ? input.categoryOrder.length : index;
  };
  return {
    window,
    today: positionIn(window, today),
    reassessment,
    groups: [...groups.entries()]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([category, bars]) => ({ category, bars: bars.sort((a, b) => byDate(a.start, b.start) || a.title.localeCompare(b.title)) })),
    items,
  };
}

export type Sparkline = {
  /** SVG polyline points in a 1000 × 100 box (y down), only the values inside the window. */
  points: string;
  /** The target's height in the same box. */
  targetY: number;
  count: number;
};

/** A metric's values on the roadmap's time axis, scaled between its lowest and highest value and target. */
export function sparkline(window: Pick<RoadmapWindow, "start" | "end">, values: readonly { date: IsoDate; value: number }[], target: number): Sparkline {
  const shown = values.filter((v) => inWindow(window, v.date));
  const all = [...shown.map((v) => v.value), target];
  const low = Math.min(...all);
  const high = Math.max(...all);
  // A flat series sits in the middle; 8 units of margin keep the stroke inside the box.
  const y = (value: number) => (high === low ? 50 : 92 - ((value - low) / (high - low)) * 84);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    points: shown.map((v) => `${round(positionIn(window, v.date) * 1000)},${round(y(v.value))}`).join(" "),
    targetY: round(y(target)),
    count: shown.length,
  };
}
