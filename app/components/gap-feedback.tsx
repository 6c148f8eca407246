import { Link } from "@remix-run/react";
import { DataTable } from "./data-table";
import { CHANNEL_LABELS } from "./feedback";
import type { FeedbackBesideGaps } from "~/services/feedback.server";
import { useI18n } from "~/utils/use-i18n";

/**
 * The customer-feedback log beside the gap analysis: per capability with comments, its gap and the
 * negative and positive counts with their channels, the place to start marked in words and amber;
 * then the counts by channel.
 */
export function GapFeedback({ feedback, orgId }: { feedback: FeedbackBesideGaps; orgId: string }) {
  const { t, number } = useI18n();
  const starts = feedback.rows.filter((r) => r.start);
  return (
    <section className="card space-y-4 p-6" aria-labelledby="gap-feedback-title" data-testid="gap-feedback">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="gap-feedback-title" className="text-xl font-bold">
            {t("feedback.gaps.title")}
          </h2>
          <p className="text-ink-soft">{t("feedback.gaps.lead")}</p>
        </div>
        <Link to={`/orgs/${orgId}/feedback`} className="btn btn-secondary no-print">
          {t("feedback.gaps.open")}
        </Link>
      </div>
      {feedback.rows.length === 0 ? (
        <p className="text-ink-soft">{t("feedback.gaps.empty")}</p>
      ) : (
        <>
          {starts.length === 0 ? <p className="text-ink-soft">{t("feedback.gaps.noStart")}</p> : null}
          <DataTable
            stack
            rows={feedback.rows}
            rowKey={(r) => r.capabilityKey}
            rowProps={(r) => ({
              "data-feedback-capability": r.capabilityKey,
              "data-negative": r.negative,
              "data-positive": r.positive,
              ...(r.start ? { "data-start": "true", className: "bg-accent-soft" } : {}),
            })}
            columns={[
              {
                key: "capability",
                header: t("feedback.field.capability"),
                rowHeader: true,
                cell: (r) => (
                  <>
                    <span className="font-semibold">{r.name}</span>
                    {r.start ? (
                      <span className="mt-1 block text-sm font-semibold">
                        <span aria-hidden="true">▲ </span>
                        {t("feedback.gaps.start")}: <span className="font-normal">{t("feedback.gaps.startWhy")}</span>
                      </span>
                    ) : null}
                  </>
                ),
              },
              { key: "gap", header: t("gaps.col.gap"), align: "end", className: "tabular-nums", cell: (r) => (r.gap === null ? "—" : number(r.gap)) },
              { key: "negative", header: t("feedback.sentiment.negative"), align: "end", className: "tabular-nums font-semibold", cell: (r) => number(r.negative) },
              { key: "positive", header: t("feedback.sentiment.positive"), align: "end", className: "tabular-nums", cell: (r) => number(r.positive) },
              {
                key: "channels",
                header: t("feedback.gaps.channels"),
                cell: (r) => (
                  <span className="text-sm">
                    {r.channels.map((c) => `${t(CHANNEL_LABELS[c.channel])} −${number(c.negative)} +${number(c.positive)}`).join(" · ")}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
      {feedback.byChannel.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t("feedback.gaps.byChannel")}</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {feedback.byChannel.map((c) => (
              <li key={c.channel} data-feedback-channel={c.channel} className="rounded-lg border border-line px-3 py-1 text-sm tabular-nums">
                <span className="font-semibold">{t(CHANNEL_LABELS[c.channel])}</span> −{number(c.negative)} +{number(c.positive)}
              </li>
            ))}
          </ul>
          {feedback.unassigned.positive + feedback.unassigned.negative > 0 ? (
            <p className="mt-2 text-sm text-ink-soft">{t("feedback.gaps.unassigned", { positive: feedback.unassigned.positive, negative: feedback.unassigned.negative })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
