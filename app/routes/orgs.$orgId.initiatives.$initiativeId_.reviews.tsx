import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useMemo } from "react";
import { FieldError, FormMessage, TextField, useMessage } from "~/components/forms";
import { DECISION_LABEL } from "~/components/initiative-labels";
import { Page } from "~/components/page";
import { addMonthsToDate, fromIsoDate } from "~/domain/dates";
import { REVIEW_DECISIONS, reviewFormSchema } from "~/domain/initiative.schema";
import { canReview } from "~/domain/initiative-status";
import { REVIEW_INTERVAL_MONTHS, today } from "~/domain/review-schedule";
import { requireInitiative } from "~/models/initiative.server";
import { latestLinkedValues, saveReview } from "~/models/review.server";
import { getPlanItem } from "~/services/initiatives.server";
import { labelValues } from "~/services/metrics.server";
import { ReviewMetricValues } from "~/components/review-list";
import { getLocalizedMetrics } from "~/utils/content.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang, type MessageKey } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

/** The review form: the seed's questions, the decision, notes, and the date the next review will fall on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const initiative = await requireInitiative(organization.id, params.initiativeId);
  const lang = detectLang(request);
  const day = today();
  const item = await getPlanItem(initiative, day);
  const latest = labelValues(await latestLinkedValues(organization.id, initiative.metrics, day), lang);
  return {
    i18n: messagesFor(request, ["initiatives"]),
    title: `${translate(lang, "review.title")} · ${initiative.title}`,
    initiative: { id: initiative.id, title: initiative.title, open: canReview(initiative.status) && initiative.start !== null, nextReview: item.nextReview },
    today: day,
    nextIfToday: addMonthsToDate(day, REVIEW_INTERVAL_MONTHS),
    latest,
    // Linked catalog metrics the organization has no value of yet: named, so the gap is visible.
    withoutValues: getLocalizedMetrics(lang)
      .filter((m) => initiative.metrics.includes(m.key) && !latest.some((v) => v.name === m.name))
      .map((m) => m.name),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const initiative = await requireInitiative(organization.id, params.initiativeId);
  const form = parseForm(reviewFormSchema(today()), await readFormData(request));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const saved = await saveReview(organization.id, initiative.id, form.data, user.id);
  if (saved.outcome === "not-found") throw new Response("Not found", { status: 404 });
  if (saved.outcome === "closed") return data({ errors: { form: "review.error.closed" }, values: undefined }, { status: 409 });
  return redirect(`/orgs/${organization.id}/initiatives/${initiative.id}`, 303);
}

const QUESTIONS: { name: "still_valid" | "priorities_changed" | "environment_changed" | "preferences_changed"; label: MessageKey }[] = [
  { name: "still_valid", label: "review.q.stillValid" },
  { name: "priorities_changed", label: "review.q.priorities" },
  { name: "environment_changed", label: "review.q.environment" },
  { name: "preferences_changed", label: "review.q.preferences" },
];

const choiceClass =
  "flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-line bg-white px-4 py-2 font-semibold has-[:checked]:border-primary has-[:checked]:bg-primary-soft";

export default function ReviewPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t, date } = useI18n();
  const message = useMessage();
  const schema = useMemo(() => reviewFormSchema(loaded.today), [loaded.today]);
  const form = useValidatedForm(schema, result?.errors);
  const values = result?.values ?? {};
  const back = `/orgs/${orgId}/initiatives/${loaded.initiative.id}`;
  return (
    <Page title={t("review.title")} lead={loaded.initiative.title} width="max-w-3xl">
      <Link to={back} className="mb-4 inline-block text-sm font-semibold">
        ← {loaded.initiative.title}
      </Link>
      {result?.errors.form || !loaded.initiative.open ? (
        <FormMessage tone="error">{t("review.error.closed")}</FormMessage>
      ) : (
        <Form method="post" className="card space-y-6 p-6" {...form.formProps}>
          {loaded.initiative.nextReview ? (
            <p>{t("review.dueOn", { date: date(fromIsoDate(loaded.initiative.nextReview)) })}</p>
          ) : null}
          <TextField {...form.field("date")} type="date" label={t("review.field.date")} defaultValue={typeof values.date === "string" ? values.date : loaded.today} />
          {QUESTIONS.map((q) => {
            const { error, ...field } = form.field(q.name);
            const current = values[q.name];
            return (
              <fieldset key={q.name} aria-describedby={error ? `${q.name}-error` : undefined}>
                <legend className="font-semibold">{t(q.label)}</legend>
                <div className="mt-2 flex gap-3">
                  {(["yes", "no"] as const).map((answer) => (
                    <label key={answer} className={choiceClass}>
                      <input {...field} type="radio" value={answer} defaultChecked={current === answer} className="size-5 shrink-0 accent-primary" />
                      {t(answer === "yes" ? "review.yes" : "review.no")}
                    </label>
                  ))}
                </div>
                <FieldError id={`${q.name}-error`} message={message(error)} />
              </fieldset>
            );
          })}
          {(() => {
            const { error, ...field } = form.field("decision");
            return (
              <fieldset aria-describedby={error ? "decision-error" : undefined}>
                <legend className="font-semibold">{t("review.field.decision")}</legend>
                <div className="mt-2 grid gap-3 sm:grid-cols-2">
                  {REVIEW_DECISIONS.map((decision) => (
                    <label key={decision} className={`${choiceClass} items-start`}>
                      <input {...field} type="radio" value={decision} defaultChecked={values.decision === decision} className="mt-1 size-5 shrink-0 accent-primary" />
                      <span>
                        <span className="block">{t(DECISION_LABEL[decision].label)}</span>
                        <span className="block text-sm font-normal text-ink-soft">{t(DECISION_LABEL[decision].text)}</span>
                      </span>
                    </label>
                  ))}
                </div>
                <FieldError id="decision-error" message={message(error)} />
              </fieldset>
            );
          })()}
          {(() => {
            const { error: _unused, ...field } = form.field("notes");
            return (
          <div>
            <label htmlFor="notes" className="block font-semibold">
              {t("review.field.notes")}
            </label>
            <textarea {...field} id="notes" rows={4} defaultValue={typeof values.notes === "string" ? values.notes : ""} className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2" />
          </div>
            );
          })()}
          {loaded.latest.length || loaded.withoutValues.length ? (
            <section aria-labelledby="review-metrics" data-testid="review-metrics">
              <h2 id="review-metrics" className="font-semibold">
                {t("review.metrics")}
              </h2>
              <p className="text-sm text-ink-soft">{t("review.metrics.saved")}</p>
              <ReviewMetricValues values={loaded.latest} orgId={orgId!} />
              {loaded.withoutValues.length ? <p className="mt-1 text-sm text-ink-soft">{t("review.metrics.none", { names: loaded.withoutValues.join(", ") })}</p> : null}
            </section>
          ) : null}
          <p data-testid="next-if-saved" className="rounded-lg bg-primary-soft p-3">
            {t("review.nextIfSaved", { date: date(fromIsoDate(loaded.nextIfToday)) })}
          </p>
          <button type="submit" className="btn btn-primary">
            {t("review.submit")}
          </button>
        </Form>
      )}
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
