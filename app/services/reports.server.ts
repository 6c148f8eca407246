/**
 * The data of the two PDF reports, in the reader's language, and their rendering (in the PDF
 * worker pool, app/integrations/pdf.server.ts). Everything here reads; nothing is stored.
 */
import { addMonthsToDate, type IsoDate } from "~/domain/dates";
import { rankGaps } from "~/domain/gaps";
import { nextReassessmentDate, today as todayIso } from "~/domain/review-schedule";
import { renderPdf, type ExecutiveReportData, type WorkshopReportData } from "~/integrations/pdf.server";
import { countParticipants, listAssessments, listLocked, type Assessment } from "~/models/assessment.server";
import { listFeedback } from "~/models/feedback.server";
import { listMembers } from "~/models/membership.server";
import type { Organization } from "~/models/organization.server";
import { getQuizSummary, listQuizScores } from "~/models/quiz-result.server";
import { countVoters, listRatingsForExport } from "~/models/rating.server";
import { listOrganizationReviews } from "~/models/review.server";
import { getQuizContent, getLocalizedModel } from "~/utils/content.server";
import { pick } from "~/utils/content.schema";
import type { Lang } from "~/utils/i18n";
import { serverMessages, translatorFor } from "~/utils/i18n.server";
import { getConsensusDrafts } from "./consensus-view.server";
import { getGapAnalysis } from "./gap-analysis.server";
import { getPlan } from "./initiatives.server";
import { listMetricViews } from "./metrics.server";

const METRIC_STATUS_KEYS = { "on-track": "metric.status.onTrack", "at-risk": "metric.status.atRisk", "off-track": "metric.status.offTrack", "no-data": "metric.status.noData" } as const;
const TOP_PRIORITIES = 5;
const CALENDAR_MONTHS = 12;

/** The assessment an executive report is about: the latest locked one, else the latest open one. */
async function reportAssessment(organizationId: string): Promise<Assessment | null> {
  const locked = await listLocked(organizationId);
  if (locked.length) return locked[locked.length - 1]!;
  const all = await listAssessments(organizationId);
  return all[0] ?? null;
}

const isoOf = (date: Date | null | undefined) => (date ? todayIso(date) : null);

export async function getExecutiveReportData(organization: Organization, lang: Lang, today: IsoDate = todayIso()): Promise<ExecutiveReportData> {
  const t = translatorFor(lang);
  const assessment = await reportAssessment(organization.id);
  const analysis = assessment ? await getGapAnalysis(assessment, lang) : null;
  const [members, quiz, scores, plan, metrics, locked] = await Promise.all([
    listMembers(organization.id),
    getQuizSummary(organization.id),
    listQuizScores(organization.id),
    getPlan(organization.id, today),
    listMetricViews(organization.id, lang, today),
    listLocked(organization.id),
  ]);
  const quizContent = getQuizContent();
  const names = new Map(getLocalizedModel(lang).categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, cap.name] as const)));
  const previousOn = analysis?.previous ? todayIso(new Date(analysis.previous.lockedAt)) : null;

  const horizon = addMonthsToDate(today, CALENDAR_MONTHS);
  const months = Array.from({ length: CALENDAR_MONTHS }, (_, i) => addMonthsToDate(`${today.slice(0, 7)}-01`, i).slice(0, 7));
  const items: ExecutiveReportData["calendar"][number]["items"] = [];
  const visible = plan; // getPlan leaves dismissed proposals out
  for (const initiative of visible) {
    for (let date = initiative.nextReview; date && date < horizon; date = addMonthsToDate(date, 6)) {
      if (date >= `${months[0]}-01`) items.push({ date, kind: "review", title: initiative.title });
    }
    if (initiative.target && initiative.target >= today && initiative.target < horizon && initiative.status !== "done" && initiative.status !== "stopped") {
      items.push({ date: initiative.target, kind: "target", title: initiative.title });
    }
  }
  const reassessment = nextReassessmentDate(locked.length ? locked[locked.length - 1]!.lockedAt : null);
  if (reassessment && reassessment < horizon) items.push({ date: reassessment < today ? today : reassessment, kind: "reassessment", title: "" });
  items.sort((a, b) => a.date.localeCompare(b.date));

  const feedback = previousOn ? (await listFeedback(organization.id)).filter((f) => f.date >= previousOn) : [];
  const reviews = previousOn ? await listOrganizationReviews(organization.id, previousOn) : [];
  const previousLockedAt = analysis?.previous?.lockedAt ?? null;

  return {
    kind: "executive",
    lang,
    strings: serverMessages(lang, "reports"),
    organization: { name: organization.name, industry: organization.industry },
    generatedOn: today,
    consultants: members.filter((m) => m.role === "consultant").map((m) => m.name),
    quiz: {
      total: quiz.total,
      average: quiz.average,
      byBand: quiz.byBand.map((band) => {
        const entry = quizContent.bands.find((b) => b.key === band.key)!;
        return { key: band.key, name: pick(entry.name, lang), range: `${entry.min}–${entry.max}`, count: band.count };
      }),
      byScore: Array.from({ length: 10 }, (_, i) => ({ score: i + 4, count: scores.filter((s) => s === i + 4).length })),
    },
    assessment: assessment
      ? { name: assessment.name, locked: assessment.status === "locked", lockedOn: isoOf(assessment.lockedAt), source: assessment.status === "locked" ? "consensus" : "median" }
      : null,
    overall: { current: analysis?.overall.current ?? null, ideal: analysis?.overall.ideal ?? null, previousCurrent: analysis?.overall.previousCurrent ?? null },
    categories: (analysis?.categories ?? []).map((category) => ({
      key: category.key,
      name: category.name,
      current: category.current,
      ideal: category.ideal,
      previousCurrent: category.previousCurrent,
      capabilities: analysis!.rows
        .filter((row) => row.categoryKey === category.key)
        .map((row) => ({ key: row.capabilityKey, name: row.name, current: row.current, ideal: row.ideal, gap: row.gap, importance: row.importance, priority: row.priority, previous: row.previous })),
    })),
    priorities: rankGaps(analysis?.rows ?? [])
      .filter((row) => row.gap && row.current !== null && row.ideal !== null)
      .slice(0, TOP_PRIORITIES)
      .map((row) => ({ name: row.name, category: row.categoryName, current: row.current!, ideal: row.ideal!, gap: row.gap!, importance: row.importance, priority: row.priority!, nextLevel: row.nextLevel })),
    initiatives: visible
      .filter((i) => i.status !== "proposed")
      .sort((a, b) => a.priority - b.priority || (a.start ?? "").localeCompare(b.start ?? "") || a.title.localeCompare(b.title))
      .map((i) => ({
        title: i.title,
        owner: i.ownerName,
        status: i.status,
        statusLabel: t(`initiative.status.${i.status}`),
        priority: i.priority,
        priorityLabel: t(`initiative.priority.short.${i.priority}`),
        start: i.start,
        target: i.target,
        nextReview: i.nextReview,
        capabilities: i.capabilities.map((key) => names.get(key) ?? key),
      })),
    calendar: months.map((month) => ({ month, items: items.filter((item) => item.date.startsWith(month)) })),
    metrics: metrics.map((m) => ({
      name: m.name,
      unit: m.unit,
      kind: m.kind,
      direction: m.direction,
      baseline: m.baseline,
      target: m.target,
      targetDate: m.targetDate,
      status: m.status,
      statusLabel: t(METRIC_STATUS_KEYS[m.status]),
      latest: m.values.length ? m.values[m.values.length - 1]!.value : null,
      values: m.values,
    })),
    changes: {
      previous: analysis?.previous && previousOn ? { name: analysis.previous.name, lockedOn: previousOn } : null,
      closed: previousLockedAt
        ? visible.filter((i) => (i.status === "done" || i.status === "stopped") && i.updatedAt.getTime() >= previousLockedAt).map((i) => ({ title: i.title, statusLabel: t(`initiative.status.${i.status}`) }))
        : [],
      reviews: reviews.map((r) => ({ title: r.initiativeTitle, date: r.date, decisionLabel: t(`review.decision.${r.decision}`) })),
      feedback: { positive: feedback.filter((f) => f.sentiment === "positive").length, negative: feedback.filter((f) => f.sentiment === "negative").length },
    },
  };
}

export async function getWorkshopReportData(organization: Organization, assessment: Assessment, lang: Lang, today: IsoDate = todayIso()): Promise<WorkshopReportData> {
  const model = getLocalizedModel(lang);
  const [drafts, participants, voters, ratings] = await Promise.all([
    getConsensusDrafts(assessment.id),
    countParticipants(assessment.id),
    countVoters(assessment.id),
    listRatingsForExport(assessment.id),
  ]);
  const comments = new Map<string, string[]>();
  for (const r of ratings) {
    if (!r.comment) continue;
    comments.set(r.capabilityKey, [...(comments.get(r.capabilityKey) ?? []), r.comment]);
  }
  return {
    kind: "workshop",
    lang,
    strings: serverMessages(lang, "reports"),
    organization: { name: organization.name },
    generatedOn: today,
    assessment: { name: assessment.name, mode: assessment.mode, locked: assessment.status === "locked", createdOn: todayIso(assessment.createdAt), lockedOn: isoOf(assessment.lockedAt) },
    participants,
    voters,
    categories: model.categories.map((category) => ({
      key: category.key,
      name: category.name,
      capabilities: category.capabilities.map((cap) => {
        const draft = drafts[cap.key]!;
        const votes = draft.votes;
        return {
          key: cap.key,
          name: cap.name,
          votes: votes?.votes ?? 0,
          distributionCurrent: votes?.distributionCurrent ?? [0, 0, 0, 0],
          distributionIdeal: votes?.distributionIdeal ?? [0, 0, 0, 0],
          medianCurrent: votes?.medianCurrent ?? null,
          medianIdeal: votes?.medianIdeal ?? null,
          spreadCurrent: votes?.spreadCurrent ?? 0,
          spreadIdeal: votes?.spreadIdeal ?? 0,
          disagreement: votes?.disagreement ?? false,
          consensus: draft.source === "consensus" ? { current: draft.current!, ideal: draft.ideal!, importance: draft.importance, rationale: draft.rationale } : null,
          comments: comments.get(cap.key) ?? [],
        };
      }),
    })),
  };
}

export async function renderExecutiveReport(organization: Organization, lang: Lang): Promise<Uint8Array> {
  return renderPdf(await getExecutiveReportData(organization, lang));
}

export async function renderWorkshopReport(organization: Organization, assessment: Assessment, lang: Lang): Promise<Uint8Array> {
  return renderPdf(await getWorkshopReportData(organization, assessment, lang));
}
