import { fromIsoDate } from "~/domain/dates";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

type Marker = { kind: "start" | "finish" | "review"; date: string; initiativeId: string; title: string };

const KIND: Record<Marker["kind"], { label: MessageKey; glyph: string }> = {
  start: { label: "metric.chart.start", glyph: "▲" },
  finish: { label: "metric.chart.finish", glyph: "■" },
  review: { label: "metric.chart.review", glyph: "◆" },
};

/** The chart's initiative markers in words, by date: readable without JavaScript, and by scripts (`data-kind`, `data-date`). */
export function MetricMarkerList({ orgId, markers, custom }: { orgId: string; markers: readonly Marker[]; custom: boolean }) {
  const { t, date } = useI18n();
  return (
    <div className="mt-6 border-t border-line pt-4">
      <h3 className="font-bold">{t("metric.markers.title")}</h3>
      {markers.length === 0 ? (
        <p className="mt-1 text-sm text-ink-soft">{t(custom ? "metric.markers.custom" : "metric.markers.none")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-ink-soft">{t("metric.markers.lead")}</p>
          <ol className="mt-2 space-y-1 text-sm" data-testid="metric-markers">
            {markers.map((m, i) => (
              <li key={`${m.kind}-${m.initiativeId}-${m.date}-${i}`} data-kind={m.kind} data-date={m.date} data-initiative={m.initiativeId}>
                <span className="tabular-nums">{date(fromIsoDate(m.date), { dateStyle: "medium" })}</span>
                {" · "}
                <span aria-hidden="true">{KIND[m.kind].glyph} </span>
                {t(KIND[m.kind].label)}
                {": "}
                <a href={`/orgs/${orgId}/initiatives/${m.initiativeId}`}>{m.title}</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
