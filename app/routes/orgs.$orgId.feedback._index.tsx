import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { CHANNEL_LABELS, SentimentTag, SENTIMENT_LABELS } from "~/components/feedback";
import { FormMessage } from "~/components/forms";
import { EmptyState, Page } from "~/components/page";
import { fromIsoDate } from "~/domain/dates";
import { FEEDBACK_CHANNELS, FEEDBACK_SENTIMENTS, type FeedbackChannel, type FeedbackSentiment } from "~/domain/metric.schema";
import { wholePercents } from "~/domain/shares";
import { countFeedbackBySentiment, initiativesFromFeedback, listFeedback, type FeedbackFilters } from "~/models/feedback.server";
import { getLocalizedModel } from "~/utils/content.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can, orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

/** The newest this many comments are listed; the CSV has them all. */
const LIST_LIMIT = 200;

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | undefined => (options as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const lang = detectLang(request);
  const search = new URL(request.url).searchParams;
  const capabilities = getLocalizedModel(lang).categories.flatMap((c) => c.capabilities.map((cap) => ({ key: cap.key, name: cap.name })));
  const filters: FeedbackFilters = {
    sentiment: oneOf<FeedbackSentiment>(FEEDBACK_SENTIMENTS, search.get("sentiment")),
    channel: oneOf<FeedbackChannel>(FEEDBACK_CHANNELS, search.get("channel")),
    capability: oneOf(
      capabilities.map((c) => c.key),
      search.get("capability"),
    ),
  };
  const [entries, counts] = await Promise.all([
    listFeedback(organization.id, filters, LIST_LIMIT),
    // Both sentiments under the other filters: the balance stays visible while one side is listed.
    countFeedbackBySentiment(organization.id, { ...filters, sentiment: undefined }),
  ]);
  const initiatives = await initiativesFromFeedback(entries.map((e) => e.id));
  return {
    i18n: messagesFor(request, ["metrics"]),
    title: `${translate(lang, "feedback.title")} · ${organization.name}`,
    canEdit: can(role, "manage-initiatives"),
    capabilities,
    filters,
    counts,
    limited: entries.length === LIST_LIMIT,
    entries: entries.map((e) => ({ id: e.id, date: e.date, sentiment: e.sentiment, channel: e.channel, capability: e.capability, text: e.text, initiative: initiatives.get(e.id) ?? null })),
  };
}

export const action = orgRouteWithoutPosts;

export default function FeedbackLog() {
  const { entries, counts, filters, capabilities, canEdit, limited } = useLoaderData<typeof loader>();
  const { orgId } = useParams();
  const [search] = useSearchParams();
  const { t, date, number } = useI18n();
  const capabilityName = new Map(capabilities.map((c) => [c.key, c.name]));
  const filtered = Boolean(filters.sentiment || filters.channel || filters.capability);
  const total = counts.positive + counts.negative;
  const shares = wholePercents([counts.positive, counts.negative]);
  const imported = Number(search.get("imported"));
  const actions = (
    <>
      {canEdit ? (
        <>
          <Link to="new" className="btn btn-primary">
            {t("feedback.add")}
          </Link>
          <Link to="import" className="btn btn-secondary">
            {t("feedback.import")}
          </Link>
        </>
      ) : null}
      <a href={`/orgs/${orgId}/feedback.csv?excel=1`} className="btn btn-secondary" download>
        {t("feedback.download")}
      </a>
    </>
  );
  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="mt-1 block min-h-11 w-full rounded-lg border border-line bg-white px-3">
        <option value="">{t("feedback.filter.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Page title={t("feedback.title")} lead={t("feedback.lead")} actions={actions} width="max-w-6xl">
      <div className="space-y-6">
        {imported > 0 ? <FormMessage tone="success">{t("feedback.imported", { count: imported })}</FormMessage> : null}
        {search.get("added") ? <FormMessage tone="success">{t("feedback.added")}</FormMessage> : null}
        <section aria-labelledby="balance-title" className="grid gap-4 sm:grid-cols-2">
          <h2 id="balance-title" className="sr-only">
            {t("feedback.balance")}
          </h2>
          {(["positive", "negative"] as const).map((s, index) => (
            <div key={s} className="card p-4" data-testid={`count-${s}`} data-count={counts[s]}>
              <SentimentTag sentiment={s} />
              <p className="mt-2 text-3xl font-bold tabular-nums">{number(counts[s])}</p>
              <p className="text-sm text-ink-soft">{total > 0 ? t("feedback.share", { share: number(shares[index]! / 100, { style: "percent" }) }) : "\u00a0"}</p>
            </div>
          ))}
        </section>
        <Form method="get" className="card grid gap-4 p-4 sm:grid-cols-4 sm:items-end" aria-label={t("feedback.filter.title")}>
          {select(
            "sentiment",
            t("feedback.field.sentiment"),
            filters.sentiment,
            FEEDBACK_SENTIMENTS.map((s) => ({ value: s, label: t(SENTIMENT_LABELS[s]) })),
          )}
          {select(
            "channel",
            t("feedback.field.channel"),
            filters.channel,
            FEEDBACK_CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_LABELS[c]) })),
          )}
          {select(
            "capability",
            t("feedback.field.capability"),
            filters.capability,
            capabilities.map((c) => ({ value: c.key, label: c.name })),
          )}
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn btn-secondary">
              {t("feedback.filter.apply")}
            </button>
            {filtered ? (
              <Link to="." className="btn btn-secondary">
                {t("feedback.filter.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
        {entries.length === 0 ? (
          <EmptyState
            title={t(filtered ? "feedback.empty.filtered" : "feedback.empty.title")}
            text={t(canEdit ? "feedback.empty.text" : "feedback.empty.viewer")}
            action={
              canEdit && !filtered ? (
                <Link to="new" className="btn btn-primary">
                  {t("feedback.add")}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <section className="card overflow-x-auto" tabIndex={0} aria-labelledby="list-title">
            <h2 id="list-title" className="px-4 pt-4 text-xl font-bold">
              {t("feedback.list")}
            </h2>
            <DataTable
              density="comfortable"
              alignTop
              stack
              rows={entries}
              rowKey={(e) => e.id}
              rowProps={(e) => ({ "data-feedback": e.id, "data-sentiment": e.sentiment, "data-channel": e.channel })}
              columns={[
                { key: "date", header: t("feedback.field.date"), cell: (e) => date(fromIsoDate(e.date), { dateStyle: "medium" }), className: "whitespace-nowrap" },
                { key: "sentiment", header: t("feedback.field.sentiment"), cell: (e) => <SentimentTag sentiment={e.sentiment} /> },
                { key: "text", header: t("feedback.field.text"), cell: (e) => <p className="min-w-48 whitespace-pre-line">{e.text}</p> },
                { key: "channel", header: t("feedback.field.channel"), cell: (e) => t(CHANNEL_LABELS[e.channel]) },
                { key: "capability", header: t("feedback.field.capability"), cell: (e) => (e.capability ? (capabilityName.get(e.capability) ?? e.capability) : "—") },
                (canEdit || entries.some((e) => e.initiative)) && {
                  key: "initiative",
                  header: t("feedback.col.initiative"),
                  cell: (e) =>
                    e.initiative ? (
                      <Link to={`/orgs/${orgId}/initiatives/${e.initiative.id}`} className="font-semibold" data-testid="feedback-initiative">
                        {t("feedback.turned", { title: e.initiative.title })}
                      </Link>
                    ) : canEdit ? (
                      <Form method="post" action={`/orgs/${orgId}/feedback/${e.id}/initiative`}>
                        <button type="submit" className="btn btn-secondary min-h-11 text-sm" data-testid="turn-into-initiative">
                          {t(e.sentiment === "negative" ? "feedback.turn.negative" : "feedback.turn.positive")}
                        </button>
                      </Form>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
            {limited ? <p className="p-4 text-sm text-ink-soft">{t("feedback.limited", { count: entries.length })}</p> : null}
          </section>
        )}
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
