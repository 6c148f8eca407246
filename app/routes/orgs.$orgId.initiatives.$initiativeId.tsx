import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { FormMessage } from "~/components/forms";
import { InitiativeForm } from "~/components/initiative-form";
import { InitiativeHistory } from "~/components/initiative-history";
import { EFFORT_LABEL, PRIORITY_SHORT, STAFFING_LABEL } from "~/components/initiative-labels";
import { CapabilityTags, StatusBadge, type CapabilityNames } from "~/components/initiative-table";
import { ReviewList } from "~/components/review-list";
import { fromIsoDate } from "~/domain/dates";
import { INITIATIVE_REPEATED_FIELDS } from "~/domain/initiative.schema";
import { today } from "~/domain/review-schedule";
import { deleteInitiative, listChanges, listSourceFeedback, requireInitiative, updateInitiative } from "~/models/initiative.server";
import { listReviews } from "~/models/review.server";
import { getInitiativeSchema, initiativeFormChoices, storedValues } from "~/services/initiative-form.server";
import { getPlanItem } from "~/services/initiatives.server";
import { labelValues } from "~/services/metrics.server";
import { formValues, parseValues, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor } from "~/utils/i18n.server";
import { can, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data ? `${data.initiative.title} · Madura` : errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const initiative = await requireInitiative(organization.id, params.initiativeId);
  const lang = detectLang(request);
  const item = await getPlanItem(initiative, today());
  const choices = initiativeFormChoices(lang);
  const names: CapabilityNames = Object.fromEntries(choices.categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, { name: cap.name, category: c.key }])));
  return {
    i18n: messagesFor(request, ["initiatives"]),
    canManage: can(role, "manage-initiatives"),
    initiative: {
      id: item.id,
      title: item.title,
      description: item.description,
      status: item.status,
      priority: item.priority,
      effort: item.effort,
      staffing: item.staffing,
      ownerName: item.ownerName,
      ownerEmail: item.ownerEmail,
      start: item.start,
      target: item.target,
      capabilities: item.capabilities,
      metrics: choices.metrics.filter((m) => item.metrics.includes(m.key)).map((m) => m.name),
      nextReview: item.nextReview,
      reviewOverdue: item.reviewDue?.kind === "overdue",
      pastTarget: item.pastTarget,
      lateToStart: item.lateToStart,
      reason: item.reason ? { ...item.reason, capability: names[item.reason.capabilityKey]?.name ?? item.reason.capabilityKey } : null,
    },
    names,
    ...choices,
    values: storedValues(initiative),
    reviews: (await listReviews(initiative.id)).map((r) => ({ id: r.id, date: r.date, decision: r.decision, notes: r.notes, stillValid: r.stillValid, prioritiesChanged: r.prioritiesChanged, environmentChanged: r.environmentChanged, preferencesChanged: r.preferencesChanged, by: r.createdByName, metrics: labelValues(r.metrics, lang) })),
    history: (await listChanges(initiative.id)).map((c) => ({ ...c, at: c.at.getTime() })),
    fromFeedback: await listSourceFeedback(initiative.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const initiative = await requireInitiative(organization.id, params.initiativeId);
  const formData = await readFormData(request);
  if (formData.get("intent") === "delete") {
    await deleteInitiative(organization.id, initiative.id);
    return redirect(`/orgs/${organization.id}/initiatives`, 303);
  }
  // The page posts every field (`edit=all`: an unticked group means none); a script may post any subset.
  const posted = formValues(formData, INITIATIVE_REPEATED_FIELDS);
  const values = formData.get("edit") === "all" ? posted : { ...storedValues(initiative), ...posted };
  const form = parseValues(getInitiativeSchema(), values, INITIATIVE_REPEATED_FIELDS);
  if (!form.ok) return data({ errors: form.errors, values: form.values, saved: false }, { status: 400 });
  const outcome = await updateInitiative(organization.id, initiative.id, form.data, user.id);
  if (outcome === "not-found") throw new Response("Not found", { status: 404 });
  if (outcome === "status-not-allowed") return data({ errors: { status: "initiative.error.status" }, values, saved: false }, { status: 400 });
  return data({ errors: {}, values: undefined, saved: true });
}

export default function InitiativePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t, date } = useI18n();
  const i = loaded.initiative;
  const day = (value: string | null) => (value ? date(fromIsoDate(value)) : "—");
  const failed = result && !result.saved;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <div>
        <Link to={`/orgs/${orgId}/initiatives`} className="text-sm font-semibold">
          ← {t("initiatives.title")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{i.title}</h1>
          <StatusBadge status={i.status} />
        </div>
        {i.reason ? (
          <p className="mt-2 text-lg">{t("initiative.why", { capability: i.reason.capability, current: i.reason.current, ideal: i.reason.ideal, level: i.reason.level })}</p>
        ) : null}
        {loaded.fromFeedback.map((f) => (
          <p key={f.id} className="mt-2 text-lg" data-from-feedback={f.id}>
            {t(f.sentiment === "negative" ? "initiative.fromFeedback.negative" : "initiative.fromFeedback.positive", { date: day(f.date) })}{" "}
            <Link to={`/orgs/${orgId}/feedback`} className="text-base font-semibold">
              {t("initiative.fromFeedback.link")}
            </Link>
          </p>
        ))}
        <div className="mt-2">
          <CapabilityTags keys={i.capabilities} names={loaded.names} />
        </div>
      </div>
      {result?.saved ? <FormMessage tone="success">{t("initiative.saved")}</FormMessage> : null}
      {failed ? <FormMessage tone="error">{t("initiative.fixErrors")}</FormMessage> : null}
      <section className="card grid gap-6 p-6 sm:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-4">
          <p className="whitespace-pre-line wrap-break-word">{i.description}</p>
          <dl className="grid gap-x-4 sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0">
            <dt className="font-semibold">{t("initiative.field.owner")}</dt>
            <dd className="wrap-anywhere">
              {i.ownerName || "—"}
              {i.ownerEmail ? ` · ${i.ownerEmail}` : ""}
            </dd>
            <dt className="font-semibold">{t("initiative.field.start")}</dt>
            <dd>
              {day(i.start)}
              {i.lateToStart ? <span className="ml-1 font-semibold text-accent">{t("initiative.lateToStart")}</span> : null}
            </dd>
            <dt className="font-semibold">{t("initiative.field.target")}</dt>
            <dd>
              {day(i.target)}
              {i.pastTarget ? <span className="ml-1 font-semibold text-accent">{t("initiative.overdue")}</span> : null}
            </dd>
            <dt className="font-semibold">{t("initiative.field.priority")}</dt>
            <dd>{t(PRIORITY_SHORT[String(i.priority)]!)}</dd>
            <dt className="font-semibold">{t("initiative.field.effort")}</dt>
            <dd>{t(EFFORT_LABEL[i.effort])}</dd>
            <dt className="font-semibold">{t("initiative.field.staffing")}</dt>
            <dd>{t(STAFFING_LABEL[i.staffing])}</dd>
            <dt className="font-semibold">{t("initiative.field.metrics")}</dt>
            <dd>{i.metrics.length ? i.metrics.join(", ") : "—"}</dd>
          </dl>
        </div>
        <div className={`min-w-0 rounded-lg border p-4 ${i.reviewOverdue ? "border-accent bg-accent-soft" : "border-line"}`}>
          <h2 className="font-semibold">{t("initiative.nextReview")}</h2>
          {i.nextReview ? (
            <p data-testid="next-review" data-date={i.nextReview} className="text-2xl font-bold tabular-nums">
              {day(i.nextReview)}
              {i.reviewOverdue ? <span className="block text-base text-accent">{t("initiative.overdue")}</span> : null}
            </p>
          ) : (
            <p data-testid="next-review" className="text-ink-soft">
              {t(i.status === "proposed" ? "initiative.nextReview.proposed" : "initiative.nextReview.none")}
            </p>
          )}
          {loaded.canManage && i.nextReview ? (
            <Link to="reviews" className="btn btn-primary mt-3">
              {t("review.record")}
            </Link>
          ) : null}
        </div>
      </section>
      <section className="card p-6" aria-labelledby="reviews-title">
        <h2 id="reviews-title" className="text-xl font-bold">
          {t("review.list.title")}
        </h2>
        <ReviewList reviews={loaded.reviews} orgId={orgId!} />
      </section>
      {loaded.canManage ? (
        <details className="space-y-4" open={failed ? true : undefined}>
          <summary className="btn btn-secondary cursor-pointer">{t("initiative.edit")}</summary>
          <div className="mt-4">
            <InitiativeForm
              key={loaded.history.length}
              categories={loaded.categories}
              metrics={loaded.metrics}
              values={failed && result.values ? result.values : loaded.values}
              errors={failed ? result.errors : undefined}
              submitLabel={t("initiative.save")}
              hidden={<input type="hidden" name="edit" value="all" />}
            />
          </div>
        </details>
      ) : null}
      <section className="card p-6" aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-bold">
          {t("initiative.history.title")}
        </h2>
        <div className="mt-3">
          <InitiativeHistory entries={loaded.history} />
        </div>
      </section>
      {loaded.canManage ? (
        <details>
          <summary className="cursor-pointer font-semibold text-danger">{t("initiative.delete")}</summary>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-danger bg-danger-soft p-4">
            <p className="flex-1">{t("initiative.delete.confirm")}</p>
            <button type="submit" name="intent" value="delete" className="btn bg-danger text-white">
              {t("initiative.delete.submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
