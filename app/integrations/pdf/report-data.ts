/**
 * What the two PDF reports show, already in the reader's language: plain data that crosses to a
 * worker thread (structured clone), built by app/services/reports.server.ts.
 */
import type { Lang, Messages } from "~/utils/i18n";

export type LevelPair = { current: number | null; ideal: number | null };

export type ReportCapability = LevelPair & {
  key: string;
  name: string;
  gap: number | null;
  importance: number;
  priority: number | null;
  previous: LevelPair | null;
};

export type ReportCategory = LevelPair & { key: string; name: string; previousCurrent: number | null; capabilities: ReportCapability[] };

export type ExecutiveReportData = {
  kind: "executive";
  lang: Lang;
  strings: Messages;
  organization: { name: string; industry: string };
  /** YYYY-MM-DD: the day the report was made, in the server's calendar. */
  generatedOn: string;
  consultants: string[];
  quiz: { total: number; average: number | null; byBand: { key: string; name: string; range: string; count: number }[]; byScore: { score: number; count: number }[] };
  assessment: { name: string; locked: boolean; lockedOn: string | null; source: "consensus" | "median" } | null;
  overall: LevelPair & { previousCurrent: number | null };
  categories: ReportCategory[];
  priorities: { name: string; category: string; current: number; ideal: number; gap: number; importance: number; priority: number; nextLevel: string | null }[];
  initiatives: { title: string; owner: string; status: string; statusLabel: string; priority: number; priorityLabel: string; start: string | null; target: string | null; nextReview: string | null; capabilities: string[] }[];
  calendar: { month: string; items: { date: string; kind: "review" | "target" | "reassessment"; title: string }[] }[];
  metrics: { name: string; unit: string; kind: "business" | "operational"; direction: "higher" | "lower"; baseline: number; target: number; targetDate: string; status: string; statusLabel: string; latest: number | null; values: { date: string; value: number }[] }[];
  changes: {
    previous: { name: string; lockedOn: string } | null;
    closed: { title: string; statusLabel: string }[];
    reviews: { title: string; date: string; decisionLabel: string }[];
    feedback: { positive: number; negative: number };
  };
};

export type ExecutiveReportStrings = ExecutiveReportData["strings"];

export type WorkshopCapability = {
  key: string;
  name: string;
  votes: number;
  distributionCurrent: number[];
  distributionIdeal: number[];
  medianCurrent: number | null;
  medianIdeal: number | null;
  spreadCurrent: number;
  spreadIdeal: number;
  disagreement: boolean;
  consensus: { current: number; ideal: number; importance: number; rationale: string } | null;
  comments: string[];
};

export type WorkshopReportData = {
  kind: "workshop";
  lang: Lang;
  strings: Messages;
  organization: { name: string };
  generatedOn: string;
  assessment: { name: string; mode: "workshop" | "solo"; locked: boolean; createdOn: string; lockedOn: string | null };
  participants: number;
  voters: number;
  categories: { key: string; name: string; capabilities: WorkshopCapability[] }[];
};

export type ReportData = ExecutiveReportData | WorkshopReportData;
