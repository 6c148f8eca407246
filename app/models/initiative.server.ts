import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables, Tx } from "../../db/database.server";
import type { IsoDate } from "~/domain/dates";
import type { Effort, InitiativeInput, InitiativeStatus, Priority, Staffing } from "~/domain/initiative.schema";
import { canChangeStatus } from "~/domain/initiative-status";
import type { MetricKey } from "~/domain/metric-keys";
import { randomId } from "~/utils/tokens.server";

type InitiativeRow = Tables["initiatives"]["$inferSelect"];

/** An initiative as the app uses it: key lists as arrays, and the date of its latest review (its schedule's anchor). */
export type Initiative = Omit<InitiativeRow, "capabilities" | "metrics" | "priority" | "dismissedAt"> & {
  capabilities: string[];
  metrics: MetricKey[];
  priority: Priority;
  lastReviewDate: IsoDate | null;
};

/** What a history row records (stored as JSON in initiative_changes.changes). */
export type ChangeRecord = {
  kind: "created" | "generated" | "from-feedback" | "updated" | "accepted" | "dismissed" | "merged" | "merged-into" | "reviewed";
  /** Fields that changed: name → [before, after]. */
  fields?: Record<string, [unknown, unknown]>;
  /** The other initiative of a merge. */
  other?: { id: string; title: string };
  decision?: string;
};

export type InitiativeChange = ChangeRecord & { id: string; at: Date; userName: string | null };

/** The stored form of key lists: joined with `;`, as initiatives.csv writes them. */
const joinKeys = (keys: readonly string[]) => keys.join(";");
const splitKeys = (value: string) => (value ? value.split(";") : []);

/** Spelled out: drizzle renders a column inside a select field unqualified. */
const lastReviewDate = sql<string | null>`(select max(r.date) from initiative_reviews r where r.initiative_id = "initiatives"."id")`;

function toInitiative(row: InitiativeRow, last: string | null): Initiative {
  const { dismissedAt: _dismissed, ...rest } = row;
  return {
    ...rest,
    capabilities: splitKeys(row.capabilities),
    metrics: splitKeys(row.metrics) as MetricKey[],
    priority: row.priority as Priority,
    lastReviewDate: last,
  };
}

/** Not dismissed, in this organization: the scope of every read and write from a URL's ids. */
const visible = (t: Tables, organizationId: string) => and(eq(t.initiatives.organizationId, organizationId), isNull(t.initiatives.dismissedAt));

/** The organization's initiatives (dismissed proposals never), highest priority first, then by start and title. */
export async function listInitiatives(organizationId: string): Promise<Initiative[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ row: t.initiatives, last: lastReviewDate })
    .from(t.initiatives)
    .where(visible(t, organizationId))
    .orderBy(asc(t.initiatives.priority), asc(t.initiatives.createdAt), asc(t.initiatives.id));
  return rows.map(({ row, last }) => toInitiative(row, last));
}

/** The initiative only if it belongs to the organization (and is not a dismissed proposal). */
export async function getInitiative(organizationId: string, initiativeId: string): Promise<Initiative | null> {
  const { orm, t } = getDb();
  const [found] = await orm
    .select({ row: t.initiatives, last: lastReviewDate })
    .from(t.initiatives)
    .where(and(eq(t.initiatives.id, initiativeId), visible(t, organizationId)));
  return found ? toInitiative(found.row, found.last) : null;
}

export async function requireInitiative(organizationId: string, initiativeId: string | undefined): Promise<Initiative> {
  const initiative = initiativeId ? await getInitiative(organizationId, initiativeId) : null;
  if (!initiative) throw new Response("Not found", { status: 404 });
  return initiative;
}

export type ScheduleRow = Pick<Initiative, "id" | "organizationId" | "title" | "status" | "start" | "target" | "ownerName" | "ownerEmail" | "lastReviewDate">;

/** What the due lists need of every open initiative of these organizations (one statement). */
export async function listScheduleRows(organizationIds: readonly string[]): Promise<ScheduleRow[]> {
  if (organizationIds.length === 0) return [];
  const { orm, t } = getDb();
  return orm
    .select({
      id: t.initiatives.id,
      organizationId: t.initiatives.organizationId,
      title: t.initiatives.title,
      status: t.initiatives.status,
      start: t.initiatives.start,
      target: t.initiatives.target,
      ownerName: t.initiatives.ownerName,
      ownerEmail: t.initiatives.ownerEmail,
      lastReviewDate,
    })
    .from(t.initiatives)
    .where(
      and(
        inArray(t.initiatives.organizationId, [...organizationIds]),
        isNull(t.initiatives.dismissedAt),
        inArray(t.initiatives.status, ["planned", "in-progress"]),
      ),
    );
}

export type TimelineRow = Pick<Initiative, "id" | "title" | "status" | "ownerName" | "start" | "target" | "capabilities" | "metrics"> & { reviewDates: IsoDate[] };

/**
 * The organization's initiatives that have a start, each with the dates of every review held: what
 * the roadmap and a metric's chart draw. One statement (a left join), whatever the number of initiatives.
 */
export async function listTimeline(organizationId: string): Promise<TimelineRow[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({
      id: t.initiatives.id,
      title: t.initiatives.title,
      status: t.initiatives.status,
      ownerName: t.initiatives.ownerName,
      start: t.initiatives.start,
      target: t.initiatives.target,
      capabilities: t.initiatives.capabilities,
      metrics: t.initiatives.metrics,
      reviewDate: t.initiativeReviews.date,
    })
    .from(t.initiatives)
    .leftJoin(t.initiativeReviews, eq(t.initiativeReviews.initiativeId, t.initiatives.id))
    .where(and(visible(t, organizationId), isNotNull(t.initiatives.start)))
    .orderBy(asc(t.initiatives.start), asc(t.initiatives.id), asc(t.initiativeReviews.date));
  const byId = new Map<string, TimelineRow>();
  for (const { reviewDate, capabilities, metrics, ...row } of rows) {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = { ...row, capabilities: splitKeys(capabilities), metrics: splitKeys(metrics) as MetricKey[], reviewDates: [] };
      byId.set(row.id, entry);
    }
    if (reviewDate) entry.reviewDates.push(reviewDate);
  }
  return [...byId.values()];
}

/** Every library key the organization's initiatives came from, dismissed proposals included: what generation must not add again. */
export async function listLibraryKeys(organizationId: string): Promise<string[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ key: t.initiatives.libraryKey })
    .from(t.initiatives)
    .where(and(eq(t.initiatives.organizationId, organizationId), sql`${t.initiatives.libraryKey} is not null`));
  return rows.map((row) => row.key!);
}

async function recordChange(tx: Tx, initiativeId: string, userId: string | null, change: ChangeRecord, at: Date): Promise<void> {
  const { t } = getDb();
  await tx.insert(t.initiativeChanges).values({ id: randomId(), initiativeId, userId, at, changes: JSON.stringify(change) });
}

export type NewProposal = {
  libraryKey: string;
  title: string;
  description: string;
  capabilityKey: string;
  priority: Priority;
  effort: Effort;
  staffing: Staffing;
  metrics: readonly MetricKey[];
};

/** The row of a new proposal: no owner, no dates, status `proposed`. */
function proposedRow(organizationId: string, p: Omit<NewProposal, "libraryKey" | "capabilityKey"> & { capabilityKey: string | null }, now: Date) {
  return {
    id: randomId(),
    organizationId,
    title: p.title,
    description: p.description,
    capabilities: p.capabilityKey ?? "",
    ownerName: "",
    status: "proposed" as const,
    priority: p.priority,
    effort: p.effort,
    staffing: p.staffing,
    metrics: joinKeys(p.metrics),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Adds proposals (status `proposed`, no dates). A library key the organization already has is
 * skipped by the partial unique index (ON CONFLICT DO NOTHING), so two servers generating at the
 * same moment still add each proposal once. Returns how many were added.
 */
export async function addProposals(organizationId: string, assessmentId: string, proposals: readonly NewProposal[], userId: string, now = new Date()): Promise<number> {
  if (proposals.length === 0) return 0;
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const added = await tx
      .insert(t.initiatives)
      .values(
        proposals.map((p) => ({ ...proposedRow(organizationId, p, now), assessmentId, libraryKey: p.libraryKey })),
      )
      .onConflictDoNothing()
      .returning({ id: t.initiatives.id });
    if (added.length > 0) {
      await tx
        .insert(t.initiativeChanges)
        .values(added.map(({ id }) => ({ id: randomId(), initiativeId: id, userId, at: now, changes: JSON.stringify({ kind: "generated" } satisfies ChangeRecord) })));
    }
    return added.length;
  });
}

export type FeedbackDraft = Omit<NewProposal, "libraryKey" | "capabilityKey"> & { capabilityKey: string | null };

/**
 * "Turn into an initiative": a proposal drafted from one of the organization's customer comments,
 * linked to it (`initiative_feedback`), in one transaction on the comment read for update. A comment
 * already turned into an initiative (still there, not dismissed) gives that one back instead of a
 * second draft. `draft` is called with the comment to write the texts. Null when the comment is not
 * the organization's.
 */
export async function addFeedbackDraft(
  organizationId: string,
  feedbackId: string,
  draft: (comment: { date: string; sentiment: "positive" | "negative"; channel: string; capability: string | null; text: string }) => FeedbackDraft,
  userId: string,
  now = new Date(),
): Promise<{ id: string; created: boolean } | null> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [comment] = await tx
      .select({ date: t.feedback.date, sentiment: t.feedback.sentiment, channel: t.feedback.channel, capability: t.feedback.capability, text: t.feedback.text })
      .from(t.feedback)
      .where(and(eq(t.feedback.id, feedbackId), eq(t.feedback.organizationId, organizationId)))
      .for("update");
    if (!comment) return null;
    const [existing] = await tx
      .select({ id: t.initiatives.id })
      .from(t.initiativeFeedback)
      .innerJoin(t.initiatives, eq(t.initiatives.id, t.initiativeFeedback.initiativeId))
      .where(and(eq(t.initiativeFeedback.feedbackId, feedbackId), isNull(t.initiatives.dismissedAt)));
    if (existing) return { id: existing.id, created: false };
    const p = draft(comment);
    const id = randomId();
    await tx.insert(t.initiatives).values({ ...proposedRow(organizationId, p, now), id });
    await tx.insert(t.initiativeFeedback).values({ initiativeId: id, feedbackId });
    await recordChange(tx, id, userId, { kind: "from-feedback" }, now);
    return { id, created: true };
  });
}

/** The customer comments an initiative was drafted from (none for most). */
export async function listSourceFeedback(initiativeId: string) {
  const { orm, t } = getDb();
  return orm
    .select({ id: t.feedback.id, date: t.feedback.date, sentiment: t.feedback.sentiment, channel: t.feedback.channel, text: t.feedback.text })
    .from(t.initiativeFeedback)
    .innerJoin(t.feedback, eq(t.feedback.id, t.initiativeFeedback.feedbackId))
    .where(eq(t.initiativeFeedback.initiativeId, initiativeId));
}

/** A new initiative from the form. */
export async function createInitiative(organizationId: string, input: InitiativeInput, userId: string, now = new Date()): Promise<string> {
  const { t, transaction } = getDb();
  const id = randomId();
  await transaction(async (tx) => {
    await tx.insert(t.initiatives).values({ id, organizationId, ...stored(input), createdAt: now, updatedAt: now });
    await recordChange(tx, id, userId, { kind: "created" }, now);
  });
  return id;
}

function stored(input: InitiativeInput) {
  return {
    title: input.title,
    description: input.description,
    capabilities: joinKeys(input.capabilities),
    ownerName: input.ownerName,
    ownerEmail: input.ownerEmail,
    start: input.start,
    target: input.target,
    status: input.status,
    priority: input.priority,
    effort: input.effort,
    staffing: input.staffing,
    metrics: joinKeys(input.metrics),
  };
}

/** Field names as the form posts them, for the history. */
const FIELD_NAMES: Record<keyof ReturnType<typeof stored>, string> = {
  title: "title",
  description: "description",
  capabilities: "capabilities",
  ownerName: "owner_name",
  ownerEmail: "owner_email",
  start: "start",
  target: "target",
  status: "status",
  priority: "priority",
  effort: "effort",
  staffing: "staffing",
  metrics: "metrics",
};

/** Key lists are sets: the form posts them in catalogue order, the library in its own. */
function sameValue(key: string, before: unknown, after: unknown): boolean {
  if ((key === "capabilities" || key === "metrics") && typeof before === "string" && typeof after === "string") {
    return splitKeys(before).sort().join(";") === splitKeys(after).sort().join(";");
  }
  return before === after;
}

export type UpdateOutcome = "saved" | "unchanged" | "not-found" | "status-not-allowed";

/**
 * Saves an edit (the whole form, after the action laid the posted subset over the stored values)
 * and the history row of what changed, in one transaction on the row read for update. A status
 * change the domain does not allow (back to `proposed`) is refused.
 */
export async function updateInitiative(organizationId: string, initiativeId: string, input: InitiativeInput, userId: string, now = new Date()): Promise<UpdateOutcome> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [row] = await tx.select().from(t.initiatives).where(and(eq(t.initiatives.id, initiativeId), visible(t, organizationId))).for("update");
    if (!row) return "not-found";
    if (!canChangeStatus(row.status, input.status)) return "status-not-allowed";
    const next = stored(input);
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
      if (!sameValue(key, row[key], value)) fields[FIELD_NAMES[key]] = [row[key], value];
    }
    if (Object.keys(fields).length === 0) return "unchanged";
    await tx.update(t.initiatives).set({ ...next, updatedAt: now }).where(eq(t.initiatives.id, initiativeId));
    await recordChange(tx, initiativeId, userId, { kind: "updated", fields }, now);
    return "saved";
  });
}

export async function deleteInitiative(organizationId: string, initiativeId: string): Promise<boolean> {
  const { orm, t } = getDb();
  const deleted = await orm
    .delete(t.initiatives)
    .where(and(eq(t.initiatives.id, initiativeId), visible(t, organizationId)))
    .returning({ id: t.initiatives.id });
  return deleted.length > 0;
}

export type AcceptDates = (proposal: { libraryKey: string | null }) => { start: IsoDate; target: IsoDate };

/**
 * Accepts proposals (`ids`, or every proposal of the organization when null): `planned`, with the
 * dates `datesFor` gives (start next month, the library's typical duration). Returns how many.
 */
export async function acceptProposals(organizationId: string, ids: readonly string[] | null, datesFor: AcceptDates, userId: string, now = new Date()): Promise<number> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const rows = await tx
      .select({ id: t.initiatives.id, libraryKey: t.initiatives.libraryKey, start: t.initiatives.start, target: t.initiatives.target })
      .from(t.initiatives)
      .where(and(visible(t, organizationId), eq(t.initiatives.status, "proposed"), ids ? inArray(t.initiatives.id, [...ids]) : undefined))
      .orderBy(asc(t.initiatives.id))
      .for("update");
    for (const row of rows) {
      const { start, target } = datesFor(row);
      await tx.update(t.initiatives).set({ status: "planned", start, target, updatedAt: now }).where(eq(t.initiatives.id, row.id));
      await recordChange(tx, row.id, userId, { kind: "accepted", fields: { status: ["proposed", "planned"], start: [row.start, start], target: [row.target, target] } }, now);
    }
    return rows.length;
  });
}

/** Hides a proposal for good: its row stays (with its library key), so generating again does not bring it back. */
export async function dismissProposal(organizationId: string, initiativeId: string, userId: string, now = new Date()): Promise<boolean> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [row] = await tx
      .select({ id: t.initiatives.id })
      .from(t.initiatives)
      .where(and(eq(t.initiatives.id, initiativeId), visible(t, organizationId), eq(t.initiatives.status, "proposed")))
      .for("update");
    if (!row) return false;
    await tx.update(t.initiatives).set({ dismissedAt: now, updatedAt: now }).where(eq(t.initiatives.id, initiativeId));
    await recordChange(tx, initiativeId, userId, { kind: "dismissed" }, now);
    return true;
  });
}

const STAFFING_ORDER: readonly Staffing[] = ["none", "train", "hire"];
const EFFORT_ORDER: readonly Effort[] = ["S", "M", "L"];
const larger = <T>(order: readonly T[], a: T, b: T) => (order.indexOf(a) >= order.indexOf(b) ? a : b);

export type MergeOutcome = "merged" | "not-found";

/**
 * Merges proposal `otherId` into proposal `keepId`: the kept one takes both capabilities and
 * metrics, both descriptions, the higher priority, the larger effort and staffing; the other is
 * dismissed (its library key stays taken). Both must be proposals of this organization.
 */
export async function mergeProposals(organizationId: string, keepId: string, otherId: string, userId: string, now = new Date()): Promise<MergeOutcome> {
  if (keepId === otherId) return "not-found";
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(t.initiatives)
      .where(and(inArray(t.initiatives.id, [keepId, otherId]), visible(t, organizationId), eq(t.initiatives.status, "proposed")))
      .orderBy(asc(t.initiatives.id))
      .for("update");
    const keep = rows.find((r) => r.id === keepId);
    const other = rows.find((r) => r.id === otherId);
    if (!keep || !other) return "not-found";
    const union = (a: string, b: string) => joinKeys([...new Set([...splitKeys(a), ...splitKeys(b)])]);
    const next = {
      capabilities: union(keep.capabilities, other.capabilities),
      metrics: union(keep.metrics, other.metrics),
      description: `${keep.description}\n\n${other.title}: ${other.description}`,
      priority: Math.min(keep.priority, other.priority),
      effort: larger(EFFORT_ORDER, keep.effort, other.effort),
      staffing: larger(STAFFING_ORDER, keep.staffing, other.staffing),
    };
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [key, value] of Object.entries(next) as [keyof typeof next, unknown][]) if (keep[key] !== value) fields[key] = [keep[key], value];
    await tx.update(t.initiatives).set({ ...next, updatedAt: now }).where(eq(t.initiatives.id, keepId));
    await tx.update(t.initiatives).set({ dismissedAt: now, updatedAt: now }).where(eq(t.initiatives.id, otherId));
    await recordChange(tx, keepId, userId, { kind: "merged", fields, other: { id: other.id, title: other.title } }, now);
    await recordChange(tx, otherId, userId, { kind: "merged-into", other: { id: keep.id, title: keep.title } }, now);
    return "merged";
  });
}

/** The initiative's history, newest first, with who did it. */
export async function listChanges(initiativeId: string): Promise<InitiativeChange[]> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ id: t.initiativeChanges.id, at: t.initiativeChanges.at, changes: t.initiativeChanges.changes, userName: t.users.name })
    .from(t.initiativeChanges)
    .leftJoin(t.users, eq(t.users.id, t.initiativeChanges.userId))
    .where(eq(t.initiativeChanges.initiativeId, initiativeId))
    .orderBy(desc(t.initiativeChanges.at), desc(t.initiativeChanges.id));
  return rows.map((row) => ({ ...(JSON.parse(row.changes) as ChangeRecord), id: row.id, at: row.at, userName: row.userName }));
}

/** Initiatives per status, for the organization's home (proposals included, dismissed ones not). */
export async function countByStatus(organizationId: string): Promise<Record<InitiativeStatus, number>> {
  const { orm, t } = getDb();
  const rows = await orm
    .select({ status: t.initiatives.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(t.initiatives)
    .where(visible(t, organizationId))
    .groupBy(t.initiatives.status);
  const counts: Record<InitiativeStatus, number> = { proposed: 0, planned: 0, "in-progress": 0, done: 0, stopped: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
