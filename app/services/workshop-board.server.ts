import type { Assessment } from "~/models/assessment.server";
import { countParticipants } from "~/models/assessment.server";
import { countVoters, summarizeAssessmentVotes } from "~/models/rating.server";
import { summarizeVotes, type VoteSummary } from "~/domain/workshop";

export type BoardData = {
  status: Assessment["status"];
  resultsVisible: boolean;
  participants: number;
  voters: number;
  /** Per capability key; medians and distributions only once results are shown to the room (or after the lock). */
  capabilities: Record<string, VoteSummary>;
};

/** What the live board shows, small enough to poll every few seconds from 200-person rooms. */
export async function getBoardData(assessment: Assessment): Promise<BoardData> {
  // While results are hidden from the room, the board (and so this JSON) carries vote counts only.
  const hidden = assessment.status === "open" && !assessment.resultsVisible;
  const [votes, participants, voters] = await Promise.all([summarizeAssessmentVotes(assessment.id), countParticipants(assessment.id), countVoters(assessment.id)]);
  const summaries = [...votes].map(([key, summary]): [string, VoteSummary] => [
    key,
    hidden ? { ...summarizeVotes([]), votes: summary.votes } : summary,
  ]);
  return {
    status: assessment.status,
    resultsVisible: assessment.resultsVisible,
    participants,
    voters,
    capabilities: Object.fromEntries(summaries),
  };
}
