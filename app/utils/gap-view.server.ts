import { toGapRow, type GapRow } from "~/domain/gaps";
import { getCapabilityModel } from "./content.server";
import { getConsensusDrafts, type ConsensusDraft } from "./consensus-view.server";

export type CapabilityGap = GapRow & { categoryKey: string; capabilityKey: string; source: ConsensusDraft["source"] };

/** One row per capability, in model order: the consensus or, before it, the rounded vote medians. */
export function getCapabilityGaps(assessmentId: string): CapabilityGap[] {
  const drafts = getConsensusDrafts(assessmentId);
  return getCapabilityModel().categories.flatMap((category) =>
    category.capabilities.map((capability) => {
      const draft = drafts[capability.key]!;
      return {
        categoryKey: category.key,
        capabilityKey: capability.key,
        source: draft.source,
        ...toGapRow({ current: draft.current, ideal: draft.ideal, importance: draft.importance }),
      };
    }),
  );
}
