import { addMonthsToDate, firstOfNextMonth, type IsoDate } from "~/domain/dates";
import { compareCodes, compareText } from "~/domain/compare";
import { acceptedDefaults, newProposals, proposeInitiatives } from "~/domain/initiative-generation";
import type { InitiativeStatus } from "~/domain/initiative.schema";
import { isLateToStart, isPastTarget } from "~/domain/initiative-status";
import { dueStatus, nextReassessmentDate, nextReviewDate, type Due } from "~/domain/review-schedule";
import { addProposals, listInitiatives, listLibraryKeys, listScheduleRows, type AcceptDates, type Initiative, type ScheduleRow } from "~/models/initiative.server";
import type { Assessment } from "~/models/assessment.server";
import type { Organization } from "~/models/organization.server";
import { getCategoryOf, getInitiativeLibrary, getLibraryInitiative, getLocalizedModel, localizeLibraryInitiative } from "~/utils/content.server";
import type { Lang } from "~/utils/i18n";
import { getCapabilityGaps, type CapabilityGap } from "./gap-analysis.server";

/**
 * "Generate initiatives": the library's proposals for every capability with a gap on this
 * assessment (the consensus, or the vote medians before it), ranked by gap × importance, minus
 * those the organization already has (any status, dismissed included). Texts are stored in the
 * organization's language. Returns how many were added.
 */
export async function generateInitiatives(organization: Organization, assessment: Assessment, userId: string): Promise<number> {
  const gaps = await getCapabilityGaps(assessment.id);
  const proposals = newProposals(proposeInitiatives(gaps, getInitiativeLibrary()), await listLibraryKeys(organization.id));
  return addProposals(
    organization.id,
    assessment.id,
    proposals.map((proposal) => {
      const text = localizeLibraryInitiative(proposal.initiative, organization.defaultLang);
      return {
        libraryKey: proposal.libraryKey,
        title: text.title,
        description: text.description,
        capabilityKey: proposal.capabilityKey,
        priority: proposal.priority,
        effort: proposal.initiative.effort,
        staffing: proposal.initiative.staffing,
        metrics: proposal.initiative.metrics,
      };
    }),
    userId,
  );
}

/** Months a proposal without a library entry (or whose entry has gone) runs once accepted. */
const DEFAULT_MONTHS = 6;

/** Accepting keeps dates someone already set; otherwise next month for the library's typical months. */
export function acceptDates(today: IsoDate): AcceptDates {
  return ({ libraryKey }) => {
    const entry = libraryKey ? getLibraryInitiative(libraryKey) : null;
    if (entry) {
      const { start, target } = acceptedDefaults(entry, 0, today);
      return { start, target };
    }
    const start = firstOfNextMonth(today);
    return { start, target: addMonthsToDate(start, DEFAULT_MONTHS) };
  };
}

/** Why a generated initiative exists: the gap it closes on its capability, and the level it helps reach. */
export type InitiativeReason = { capabilityKey: string; current: number; ideal: number; level: number };

export type PlanItem = Initiative & {
  nextReview: IsoDate | null;
  reviewDue: Due | null;
  categories: string[];
  pastTarget: boolean;
  lateToStart: boolean;
  /** Overdue for the list's filter: a review past due or a target passed. */
  overdue: boolean;
  reason: InitiativeReason | null;
};

/** The organization's initiatives with their schedule, as the list, the detail page and the CSV show them. */
export async function getPlan(organizationId: string, today: IsoDate): Promise<PlanItem[]> {
  const initiatives = await listInitiatives(organizationId);
  const categoryOf = getCategoryOf();
  const gapsByAssessment = new Map<string, Map<string, CapabilityGap>>();
  for (const id of new Set(initiatives.filter((i) => i.libraryKey && i.assessmentId).map((i) => i.assessmentId!))) {
    gapsByAssessment.set(id, new Map((await getCapabilityGaps(id)).map((row) => [row.capabilityKey, row])));
  }
  return initiatives.map((initiative) => planItem(initiative, today, categoryOf, gapsByAssessment));
}

export async function getPlanItem(initiative: Initiative, today: IsoDate): Promise<PlanItem> {
  const gaps = new Map<string, Map<string, CapabilityGap>>();
  if (initiative.libraryKey && initiative.assessmentId) {
    gaps.set(initiative.assessmentId, new Map((await getCapabilityGaps(initiative.assessmentId)).map((row) => [row.capabilityKey, row])));
  }
  return planItem(initiative, today, getCategoryOf(), gaps);
}

function planItem(initiative: Initiative, today: IsoDate, categoryOf: Map<string, string>, gaps: Map<string, Map<string, CapabilityGap>>): PlanItem {
  const nextReview = nextReviewDate({ status: initiative.status, start: initiative.start, reviewDates: initiative.lastReviewDate ? [initiative.lastReviewDate] : [] });
  const reviewDue = dueStatus(nextReview, today);
  const pastTarget = isPastTarget(initiative.status, initiative.target, today);
  const entry = initiative.libraryKey ? getLibraryInitiative(initiative.libraryKey) : null;
  const gap = entry && initiative.assessmentId ? gaps.get(initiative.assessmentId)?.get(entry.capability) : undefined;
  return {
    ...initiative,
    nextReview,
    reviewDue,
    categories: [...new Set(initiative.capabilities.map((key) => categoryOf.get(key)).filter((c): c is string => Boolean(c)))],
    pastTarget,
    lateToStart: isLateToStart(initiative.status, initiative.start, today),
    overdue: reviewDue?.kind === "overdue" || pastTarget,
    reason: entry && gap && gap.current !== null && gap.ideal !== null ? { capabilityKey: entry.capability, current: gap.current, ideal: gap.ideal, level: entry.level } : null,
  };
}

export const PLAN_SORTS = ["priority", "title", "start", "target", "next_review", "status"] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];

export type PlanFilters = { status?: InitiativeStatus; owner?: string; category?: string; overdue?: boolean; sort?: PlanSort };

const STATUS_ORDER: readonly InitiativeStatus[] = ["proposed", "in-progress", "planned", "done", "stopped"];

/** The list's filters and sort, applied to the plan (all of it is one organization's, a few hundred rows at most). */
export function filterPlan(plan: readonly PlanItem[], filters: PlanFilters): PlanItem[] {
  const rows = plan.filter(
    (item) =>
      (!filters.status || item.status === filters.status) &&
      (!filters.owner || item.ownerName === filters.owner) &&
      (!filters.category || item.categories.includes(filters.category)) &&
      (!filters.overdue || item.overdue),
  );
  // Dates missing (a proposal) sort last.
  const byDate = (a: string | null, b: string | null) => compareCodes(a ?? "9999", b ?? "9999");
  const compare: Record<PlanSort, (a: PlanItem, b: PlanItem) => number> = {
    priority: (a, b) => a.priority - b.priority,
    title: (a, b) => compareText(a.title, b.title),
    start: (a, b) => byDate(a.start, b.start),
    target: (a, b) => byDate(a.target, b.target),
    next_review: (a, b) => byDate(a.nextReview, b.nextReview),
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  };
  const sort = compare[filters.sort ?? "priority"];
  return rows.sort((a, b) => sort(a, b) || a.priority - b.priority || compareText(a.title, b.title));
}

/** Capability names and categories in the reader's language, for tags and filters. */
export function capabilityNames(lang: Lang) {
  const model = getLocalizedModel(lang);
  return {
    categories: model.categories.map((c) => ({ key: c.key, name: c.name, capabilities: c.capabilities.map((cap) => ({ key: cap.key, name: cap.name })) })),
  };
}

export type DueItem = {
  kind: "review" | "target" | "reassessment";
  organizationId: string;
  organizationName: string;
  /** The initiative, for reviews and targets. */
  initiativeId: string | null;
  title: string;
  date: IsoDate;
  due: Due;
};

/** A dated item of the schedule, whether due soon or not: what calendar feeds and reminders work from. */
export type ScheduleItem = Omit<DueItem, "due"> & {
  /** Who a reminder goes to first (reviews and targets); null: the organization's consultants and program owners. */
  ownerEmail: string | null;
  /** The date of the latest review recorded (reviews): the event's cycle. */
  lastReviewDate: IsoDate | null;
};

type ScheduledOrganization = { id: string; name: string; lastLockedAt?: number | null };

type Dated = Omit<ScheduleItem, "ownerEmail" | "lastReviewDate">;

/**
 * Walks the organizations' dated items (the next review and the target date of each open initiative,
 * each organization's next reassessment) and hands each to `take` with its date: it builds what it
 * keeps, so a caller that keeps few (the week: only what is due) builds few objects.
 */
async function eachScheduled(
  organizations: readonly ScheduledOrganization[],
  kinds: readonly DueItem["kind"][],
  take: (kind: DueItem["kind"], date: IsoDate, organization: ScheduledOrganization, row: ScheduleRow | null) => void,
): Promise<void> {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const reviews = kinds.includes("review");
  const targets = kinds.includes("target");
  for (const row of await listScheduleRows(organizations.map((o) => o.id))) {
    const organization = byId.get(row.organizationId)!;
    const next = reviews ? nextReviewDate({ status: row.status, start: row.start, reviewDates: row.lastReviewDate ? [row.lastReviewDate] : [] }) : null;
    if (next) take("review", next, organization, row);
    if (targets && row.target) take("target", row.target, organization, row);
  }
  if (kinds.includes("reassessment")) {
    for (const o of organizations) {
      const date = nextReassessmentDate(o.lastLockedAt ? new Date(o.lastLockedAt) : null);
      if (date) take("reassessment", date, o, null);
    }
  }
}

const dated = (kind: DueItem["kind"], date: IsoDate, organization: ScheduledOrganization, row: ScheduleRow | null): Dated => ({
  kind,
  organizationId: organization.id,
  organizationName: organization.name,
  initiativeId: row?.id ?? null,
  title: row?.title ?? organization.name,
  date,
});

/**
 * By date, then organization name, then title. The names are ranked once (the collator is the
 * costly part of a comparison), so sorting thousands of items compares numbers.
 */
function sortByDate<T extends Dated>(items: T[], organizations: readonly ScheduledOrganization[]): T[] {
  const rank = new Map([...organizations].sort((a, b) => compareText(a.name, b.name)).map((o, i) => [o.id, i]));
  return items.sort((a, b) => compareCodes(a.date, b.date) || rank.get(a.organizationId)! - rank.get(b.organizationId)! || compareText(a.title, b.title));
}

/**
 * Every dated item of these organizations: the next review and the target date of each open
 * initiative, and each organization's next reassessment; by date.
 */
export async function getScheduleItems(
  organizations: readonly ScheduledOrganization[],
  kinds: readonly DueItem["kind"][] = ["review", "target", "reassessment"],
): Promise<ScheduleItem[]> {
  const items: ScheduleItem[] = [];
  await eachScheduled(organizations, kinds, (kind, date, organization, row) =>
    items.push({ ...dated(kind, date, organization, row), ownerEmail: row?.ownerEmail ?? null, lastReviewDate: row?.lastReviewDate ?? null }),
  );
  return sortByDate(items, organizations);
}

/**
 * What needs attention across organizations on `today`: reviews and target dates of open
 * initiatives, and each organization's next reassessment, when due within DUE_SOON_DAYS or
 * overdue; soonest first (overdue ones lead).
 */
export async function getDueItems(
  organizations: readonly ScheduledOrganization[],
  today: IsoDate,
  kinds: readonly DueItem["kind"][] = ["review", "target", "reassessment"],
): Promise<DueItem[]> {
  const items: DueItem[] = [];
  await eachScheduled(organizations, kinds, (kind, date, organization, row) => {
    const due = dueStatus(date, today);
    if (due) items.push({ ...dated(kind, date, organization, row), due });
  });
  return sortByDate(items, organizations);
}
