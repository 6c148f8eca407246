import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { FormMessage } from "~/components/forms";
import { QuizSummaryPanel } from "~/components/quiz-summary";
import { listAssessments } from "~/models/assessment.server";
import { regenerateQuizInvite } from "~/models/organization.server";
import { getQuizSummary } from "~/models/quiz-result.server";
import { getLocalizedModel, getQuizContent } from "~/utils/content.server";
import { getMaturityHistory } from "~/services/gap-analysis.server";
import { nextAssessmentDue } from "~/domain/workshop";
import { MaturityHistory } from "~/components/maturity-history";
import { pick } from "~/utils/content.schema";
import { detectLang } from "~/utils/i18n";
import { messagesFor } from "~/utils/i18n.server";
import { can, requireOrgAccess } from "~/utils/permissions.server";
import { publicBaseUrl } from "~/utils/request.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { PlanSummary } from "~/components/plan-summary";
import { dueStatus, nextReassessmentDate, today } from "~/domain/review-schedule";
import { countByStatus } from "~/models/initiative.server";
import { getDueItems } from "~/services/initiatives.server";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data ? `${data.name} · Madura` : errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const lang = detectLang(request);
  const quiz = getQuizContent();
  const canManage = can(role, "manage-organization");
  const history = await getMaturityHistory(organization.id);
  const last = history.at(-1);
  const day = today();
  const nextReassessment = nextReassessmentDate(last ? new Date(last.lockedAt) : null);
  const reviews = await getDueItems([{ id: organization.id, name: organization.name }], day, ["review"]);
  return {
    i18n: messagesFor(request, ["workshop", "initiatives"]),
    plan: {
      counts: await countByStatus(organization.id),
      reviews: reviews.slice(0, 5).map((r) => ({ initiativeId: r.initiativeId, title: r.title, date: r.date, overdue: r.due.kind === "overdue" })),
      nextReassessment,
      reassessmentOverdue: dueStatus(nextReassessment, day)?.kind === "overdue",
    },
    history,
    nextDue: last ? nextAssessmentDue(new Date(last.lockedAt)).getTime() : null,
    now: Date.now(),
    categories: getLocalizedModel(lang).categories.map((c) => ({ key: c.key, name: c.name })),
    name: organization.name,
    orgId: organization.id,
    canManage,
    canRun: can(role, "run-assessments"),
    assessments: (await listAssessments(organization.id)).map((a) => ({
      id: a.id,
      name: a.name,
      mode: a.mode,
      status: a.status,
      participantCount: a.participantCount,
      createdAt: a.createdAt.getTime(),
      lockedAt: a.lockedAt?.getTime() ?? null,
    })),
    quizLink: canManage ? `${publicBaseUrl(request)}/quiz?invite=${organization.quizInviteToken}` : null,
    summary: await getQuizSummary(organization.id),
    bandNames: Object.fromEntries(quiz.bands.map((b) => [b.key, pick(b.name, lang)])),
    questionTopics: Object.fromEntries(quiz.questions.map((q) => [q.id, pick(q.topic, lang)])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-organization");
  await regenerateQuizInvite(organization.id);
  return { regenerated: true };
}

export default function OrganizationHome() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <h1 className="sr-only">{data.name}</h1>
      <PlanSummary {...data.plan} />
      <section className="card p-6" aria-labelledby="assessments-title">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="assessments-title" className="text-xl font-bold">
            {t("assessments.title")}
          </h2>
          <div className="flex flex-wrap gap-2">
            <a href={`/orgs/${data.orgId}/report.pdf`} className="btn btn-secondary">
              {t("assessments.executiveReport")}
            </a>
            {data.canRun ? (
              <Link to="assessments/new" className="btn btn-primary">
                {t("assessments.new")}
              </Link>
            ) : null}
          </div>
        </div>
        {data.assessments.length === 0 ? (
          <p className="mt-3 text-ink-soft">{t("assessments.empty")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-line">
            {data.assessments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`assessments/${a.id}`} className="font-semibold">
                    {a.name}
                  </Link>
                  <p className="text-sm text-ink-soft">
                    {t(`assessment.mode.${a.mode}`)} · {date(a.lockedAt ?? a.createdAt)}
                    {a.mode === "workshop" ? ` · ${t("assessments.participants", { count: a.participantCount })}` : ""}
                  </p>
                </div>
                <span className={`rounded-full px-3 py-0.5 text-sm font-semibold ${a.status === "open" ? "bg-accent-soft text-accent" : "bg-primary-soft text-primary-strong"}`}>
                  {t(`assessment.status.${a.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <MaturityHistory points={data.history} categories={data.categories} nextDue={data.nextDue} now={data.now} />
      <section className="card p-6" aria-labelledby="quiz-title">
        <h2 id="quiz-title" className="text-xl font-bold">
          {t("org.quiz.title")}
        </h2>
        {data.quizLink ? (
          <div className="no-print mt-2">
            <p className="text-ink-soft">{t("org.quiz.lead")}</p>
            {result?.regenerated ? (
              <div className="mt-3">
                <FormMessage tone="success">{t("org.quiz.regenerated")}</FormMessage>
              </div>
            ) : null}
            <CopyLink url={data.quizLink} label={t("org.quiz.linkLabel")} />
            <Form method="post" className="mt-1 flex flex-wrap items-center gap-3">
              <button type="submit" className="btn btn-secondary">
                {t("org.quiz.regenerate")}
              </button>
              <span className="text-sm text-ink-soft">{t("org.quiz.regenerateHint")}</span>
            </Form>
          </div>
        ) : null}
        <div className="mt-6">
          {data.summary.total === 0 ? (
            <p className="text-ink-soft">{t("org.quiz.empty")}</p>
          ) : (
            <QuizSummaryPanel summary={data.summary} bandNames={data.bandNames} questionTopics={data.questionTopics} />
          )}
        </div>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
