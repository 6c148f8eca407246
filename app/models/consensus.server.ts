import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { assessments, consensus } from "../../db/schema";
import type { ConsensusInput } from "~/domain/assessment.schema";

export type ConsensusRow = typeof consensus.$inferSelect;

export function getConsensus(assessmentId: string): Map<string, ConsensusRow> {
  const rows = getDb().select().from(consensus).where(eq(consensus.assessmentId, assessmentId)).all();
  return new Map(rows.map((row) => [row.capabilityKey, row]));
}

/**
 * Saves consensus entries and, when asked, locks the assessment, all in one transaction: a lock
 * never happens with half the entries saved, and nothing changes after a lock.
 */
export function saveConsensus(assessmentId: string, entries: ConsensusInput[], lock: boolean, now = Date.now()): "saved" | "locked" | "already-locked" {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const status = tx.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()?.status;
      if (status !== "open") return "already-locked";
      for (const entry of entries) {
        const values = { current: entry.current, ideal: entry.ideal, importance: entry.importance, rationale: entry.rationale, updatedAt: new Date(now) };
        tx.insert(consensus)
          .values({ assessmentId, capabilityKey: entry.capabilityKey, ...values })
          .onConflictDoUpdate({ target: [consensus.assessmentId, consensus.capabilityKey], set: values })
          .run();
      }
      if (!lock) return "saved";
      tx.update(assessments).set({ status: "locked", lockedAt: new Date(now), resultsVisible: true }).where(eq(assessments.id, assessmentId)).run();
      return "locked";
    },
    { behavior: "immediate" },
  );
}
