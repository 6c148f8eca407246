import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { JoinPanel } from "~/components/join-panel";
import { WorkshopBoard } from "~/components/workshop-board";
import { nextAssessmentDue } from "~/domain/workshop";
import { requireAssessment, setResultsVisible } from "~/models/assessment.server";
import { getBoardData, type BoardData } from "~/services/workshop-board.server";
import { getLocalizedModel } from "~/utils/content.server";
import { readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor } from "~/utils/i18n.server";
import { can, requireOrgAccess } from "~/utils/permissions.server";
import { qrSvg } from "~/integrations/qr.server";
import { publicBaseUrl } from "~/utils/request.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data ? `${data.assessment.name} · Madura` : errorTitle(error, matches) }];

const POLL_MS = 2_500;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const model = getLocalizedModel(detectLang(request));
  const joinUrl = assessment.joinCode ? `${publicBaseUrl(request)}/join?code=${assessment.joinCode}` : null;
  return {
    i18n: messagesFor(request, ["workshop"]),
    assessment: {
      id: assessment.id,
      name: assessment.name,
      mode: assessment.mode,
      status: assessment.status,
      joinCode: assessment.status === "open" ? assessment.joinCode : null,
      lockedAt: assessment.lockedAt?.getTime() ?? null,
      nextDue: assessment.lockedAt ? nextAssessmentDue(assessment.lockedAt).getTime() : null,
    },
    canRun: can(role, "run-assessments"),
    joinUrl: assessment.status === "open" ? joinUrl : null,
    qr: assessment.status === "open" && joinUrl ? await qrSvg(joinUrl) : null,
    categories: model.categories.map((c) => ({ key: c.key, name: c.name, capabilities: c.capabilities.map((cap) => ({ key: cap.key, name: cap.name })) })),
    board: await getBoardData(assessment),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "run-assessments");
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const form = await readFormData(request);
  if (form.get("intent") !== "visibility") return Response.json({ error: "unknown intent" }, { status: 400 });
  await setResultsVisible(assessment.id, form.get("visible") === "1");
  return { ok: true };
}

/**
 * Polls the small JSON route while the workshop is open and the tab is visible. A plain fetch, not
 * a Remix fetcher: the router aborts in-flight fetcher loads on every submission (reveal/hide), and
 * single fetch logs an abort that lands mid-response as a console error.
 */
function useLiveBoard(initial: BoardData, liveUrl: string, active: boolean): BoardData {
  const [live, setLive] = useState<{ data: BoardData; from: BoardData } | null>(null);
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let inFlight = false;
    const timer = setInterval(async () => {
      if (document.hidden || inFlight) return;
      inFlight = true;
      try {
        const response = await fetch(liveUrl, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (response.ok) setLive({ data: (await response.json()) as BoardData, from: initial });
      } catch {
        // Left the page, or offline for a moment: the next tick tries again.
      } finally {
        inFlight = false;
      }
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [active, liveUrl, initial]);
  // After a reveal or hide the loader's fresher data wins until the next poll.
  return live && live.from === initial ? live.data : initial;
}

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const [searchParams] = useSearchParams();
  const { assessment } = data;
  const { orgId } = useParams();
  const base = `/orgs/${orgId}/assessments/${assessment.id}`;
  const open = assessment.status === "open";
  const board = useLiveBoard(data.board, `${base}/live`, open && assessment.mode === "workshop");
  const sort = searchParams.get("sort") === "disagreement" ? "disagreement" : "category";
  const projector = searchParams.get("view") === "projector";
  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value === null) next.delete(key);
    else next.set(key, value);
    const query = next.toString();
    return query ? `?${query}` : ".";
  };

  return (
    <div className={`mx-auto space-y-6 px-4 py-6 ${projector ? "max-w-none text-lg" : "max-w-7xl"}`}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold text-ink-soft">{t(`assessment.mode.${assessment.mode}`)} · {t(`assessment.status.${assessment.status}`)}</p>
          <h1 className={`${projector ? "text-4xl" : "text-3xl"} font-bold`}>{assessment.name}</h1>
          {assessment.lockedAt && assessment.nextDue ? (
            <p className="mt-1 text-ink-soft">{t("assessment.lockedOn", { date: date(assessment.lockedAt), due: date(assessment.nextDue) })}</p>
          ) : null}
        </div>
        {projector ? null : (
          <div className="no-print flex flex-wrap gap-2">
            {data.canRun ? (
              <Link to={`${base}/consensus`} className="btn btn-primary">
                {t(open ? "assessment.toConsensus" : "assessment.viewConsensus")}
              </Link>
            ) : null}
            <Link to={`${base}/gaps`} className="btn btn-secondary">
              {t("assessment.toGaps")}
            </Link>
            <a href={`${base}/ratings.csv?excel=1`} className="btn btn-secondary" download>{t("assessment.ratingsCsv")}</a>
            <a href={`${base}/gaps.csv?excel=1`} className="btn btn-secondary" download>{t("assessment.gapsCsv")}</a>
            <a href={`${base}/report.pdf`} className="btn btn-secondary">{t("assessment.reportPdf")}</a>
          </div>
        )}
      </div>

      {open && assessment.joinCode && data.joinUrl && data.qr ? (
        <JoinPanel code={assessment.joinCode} url={data.joinUrl} qr={data.qr} participants={board.participants} voters={board.voters} projector={projector} />
      ) : null}

      {assessment.mode === "workshop" ? (
        <>
          <div className="no-print flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("board.toolbar")}>
            <Link to={withParam("sort", sort === "category" ? "disagreement" : null)} className="btn btn-secondary" preventScrollReset>
              {t(sort === "category" ? "board.sortDisagreement" : "board.sortCategory")}
            </Link>
            {data.canRun && open ? (
              <Form method="post">
                <input type="hidden" name="intent" value="visibility" />
                <input type="hidden" name="visible" value={board.resultsVisible ? "0" : "1"} />
                <button type="submit" className="btn btn-secondary" aria-pressed={board.resultsVisible}>
                  {t(board.resultsVisible ? "board.hide" : "board.reveal")}
                </button>
              </Form>
            ) : null}
            <Link to={withParam("view", projector ? null : "projector")} className="btn btn-secondary">
              {t(projector ? "board.exitProjector" : "board.projector")}
            </Link>
          </div>
          {board.resultsVisible || !open ? null : <p className="text-ink-soft">{t("board.hiddenHint")}</p>}
          <WorkshopBoard categories={data.categories} summaries={board.capabilities} sort={sort} showResults={board.resultsVisible || !open} projector={projector} />
        </>
      ) : (
        <div className="card p-6">
          <p>{t(open ? "assessment.soloHint" : "assessment.lockedHint")}</p>
        </div>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
