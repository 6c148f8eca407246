import type { Assessment } from "~/models/assessment.server";
import { countParticipants } from "~/models/assessment.server";
import { countVoters, summarizeAssessmentVotes } from "~/models/rating.server";
import type { VoteSummary } from "~/domain/workshop";

export type BoardData = {
  status: Assessment["status"];
  resultsVisible: boolean;
  participants: number;
  voters: number;
  /** Per capability key; medians and distributions only when results are visible (or for the facilitator's own view). */
  capabilities: Record<string, VoteSummary>;
};

/** What the live board shows, small enough to poll every few seconds from 200-person rooms. */
export function getBoardData(assessment: Assessment): BoardData {
  return {
    status: assessment.status,
    resultsVisible: assessment.resultsVisible,
    participants: countParticipants(assessment.id),
    voters: countVoters(assessment.id),
    capabilities: Object.fromEntries(summarizeAssessmentVotes(assessment.id)),
  };
}
