import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import type { Tables } from "../../db/database.server";
import type { ConsensusInput } from "~/domain/assessment.schema";

export type ConsensusRow = Tables["consensus"]["$inferSelect"];

export async function getConsensus(assessmentId: string): Promise<Map<string, ConsensusRow>> {
  const { orm, t } = getDb();
  const rows = await orm.select().from(t.consensus).where(eq(t.consensus.assessmentId, assessmentId));
  return new Map(rows.map((row) => [row.capabilityKey, row]));
}

/**
 * Saves consensus entries and, when asked, locks the assessment, all in one transaction: a lock
 * never happens with half the entries saved, and nothing changes after a lock. The assessment is
 * read for update, so a lock waits for the votes and entries in flight and nothing follows it.
 */
export async function saveConsensus(assessmentId: string, entries: ConsensusInput[], lock: boolean, now = Date.now()): Promise<"saved" | "locked" | "already-locked"> {
  const { t, transaction } = getDb();
  return transaction(async (tx) => {
    const [assessment] = await tx.select({ status: t.assessments.status }).from(t.assessments).where(eq(t.assessments.id, assessmentId)).for("update");
    if (assessment?.status !== "open") return "already-locked";
    if (entries.length > 0) {
      await tx
        .insert(t.consensus)
        .values(entries.map((e) => ({ assessmentId, capabilityKey: e.capabilityKey, current: e.current, ideal: e.ideal, importance: e.importance, rationale: e.rationale, updatedAt: new Date(now) })))
        .onConflictDoUpdate({
          target: [t.consensus.assessmentId, t.consensus.capabilityKey],
          set: { current: sql`excluded.current`, ideal: sql`excluded.ideal`, importance: sql`excluded.importance`, rationale: sql`excluded.rationale`, updatedAt: sql`excluded.updated_at` },
        });
    }
    if (!lock) return "saved";
    await tx.update(t.assessments).set({ status: "locked", lockedAt: new Date(now), resultsVisible: true }).where(eq(t.assessments.id, assessmentId));
    return "locked";
  });
}
