import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/forms";
import { RatingCard } from "~/components/rating-card";
import { getParticipantByToken } from "~/models/participant.server";
import { getParticipantRatings } from "~/models/rating.server";
import { getLocalizedModel } from "~/utils/content.server";
import { formValues, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { retryAfter, passRetryAfter } from "~/utils/rate-limit.server";
import { nextStepLocation, submitRatings } from "~/services/votes.server";
import type { RouteHandle } from "~/utils/route-handle";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

/** No React on the phone; /rate.js only saves each tap in the background where it can. */
export const handle: RouteHandle = { hydrate: false, scripts: ["/rate.js"] };

export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }, { name: "robots", content: "noindex" }];

async function requireParticipant(token: string | undefined) {
  const session = token ? await getParticipantByToken(token) : null;
  if (!session) throw new Response("Not found", { status: 404 });
  return session;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { participant, assessment } = await requireParticipant(params.token);
  const lang = detectLang(request);
  const model = getLocalizedModel(lang);
  const url = new URL(request.url);
  const stepParam = url.searchParams.get("step");
  const done = stepParam === "done";
  const step = Math.min(Math.max(Number(stepParam) || 1, 1), model.categories.length);
  const category = model.categories[step - 1]!;
  const saved = Object.fromEntries((await getParticipantRatings(participant.id)).map((r) => [r.capabilityKey, r]));
  const ratedCount = Object.values(saved).filter((r) => r.current !== null || r.ideal !== null).length;
  return {
    i18n: messagesFor(request, ["workshop"]),
    title: `${category.name} · ${assessment.name}`,
    name: participant.displayName,
    assessmentName: assessment.name,
    locked: assessment.status === "locked",
    done,
    step,
    steps: model.categories.length,
    category,
    levelNames: model.levels.map((l) => l.name),
    saved,
    ratedCount,
    totalCapabilities: model.categories.reduce((n, c) => n + c.capabilities.length, 0),
    check: url.searchParams.get("check") === "1",
  };
}

/** The page's post. A post that saves is usually answered by server.ts's phone lane before it gets here. */
export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireParticipant(params.token);
  const values = formValues(await readFormData(request));
  const result = await submitRatings(session, values);
  const lang = detectLang(request);
  if (result.kind === "limited") {
    return data({ errors: { form: translate(lang, "rate.error.tooMany") } as Record<string, string> }, { status: 429, headers: retryAfter(result.state) });
  }
  if (result.kind === "locked") return data({ errors: { form: translate(lang, "rate.locked") } as Record<string, string> }, { status: 409 });
  if (result.kind === "invalid") return data({ errors: result.errors }, { status: 400 });
  return redirect(nextStepLocation(params.token!, values, result.ratings), 303);
}

export default function RatePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string> = result?.errors ?? {};

  if (data.done) {
    return (
      <div className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-3xl font-bold">{t("rate.done.title", { name: data.name })}</h1>
        <p className="mt-3 text-lg">{t("rate.done.text", { rated: data.ratedCount, count: data.totalCapabilities })}</p>
        <p className="mt-3 text-ink-soft">{t(data.locked ? "rate.locked" : "rate.done.canChange")}</p>
        {data.locked ? null : (
          <Link to="?step=1" className="btn btn-secondary mt-6">
            {t("rate.done.review")}
          </Link>
        )}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-md pb-10">
      <div className="sticky top-0 z-10 border-b border-line bg-white/95 px-4 py-3 backdrop-blur">
        <p className="text-sm font-semibold text-ink-soft">
          {t("rate.progress", { step: data.step, steps: data.steps })} · {data.assessmentName}
        </p>
        <h1 className="text-xl font-bold">{data.category.name}</h1>
        <div className="mt-2 flex gap-1" aria-hidden="true">
          {Array.from({ length: data.steps }, (_, i) => (
            <span key={i} className={`h-1.5 flex-1 rounded ${i < data.step ? "bg-primary" : "bg-line"}`} />
          ))}
        </div>
      </div>
      <div className="space-y-4 px-4 pt-4">
        <p className="text-ink-soft">{data.category.question}</p>
        {data.locked ? <FormMessage tone="error">{t("rate.locked")}</FormMessage> : null}
        {errors.form ? <FormMessage tone="error">{errors.form}</FormMessage> : null}
        {Object.keys(errors).some((k) => k !== "form") ? <FormMessage tone="error">{t("rate.error.summary")}</FormMessage> : null}
        {data.check ? <FormMessage tone="warning">{t("rate.checkGoals")}</FormMessage> : null}
        <Form method="post" className="space-y-4" data-autosave data-saved={t("rate.saved")} data-failed={t("rate.saveFailed")}>
          <input type="hidden" name="step" value={data.step} />
          {data.check ? <input type="hidden" name="acknowledged" value="1" /> : null}
          {data.category.capabilities.map((capability) => (
            <RatingCard
              key={capability.key}
              capability={capability}
              levelNames={data.levelNames}
              saved={data.saved[capability.key]}
              errors={errors}
              disabled={data.locked}
            />
          ))}
          <p role="status" data-autosave-status className="min-h-6 text-sm font-semibold text-primary-strong" />
          {data.locked ? null : (
            <div className="flex gap-3">
              {data.step > 1 ? (
                <button type="submit" name="go" value="back" className="btn btn-secondary flex-1 py-4 text-lg">
                  {t("rate.back")}
                </button>
              ) : null}
              <button type="submit" name="go" value="next" className="btn btn-primary flex-[2] py-4 text-lg">
                {t(data.step === data.steps ? "rate.finish" : "rate.next")}
              </button>
            </div>
          )}
        </Form>
      </div>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
