import type { CSSProperties } from "react";
import { STATUS_LABEL } from "./initiative-labels";
import { MetricStatusBadge } from "./metric-status";
import { fromIsoDate } from "~/domain/dates";
import type { InitiativeStatus } from "~/domain/initiative.schema";
import type { Milestone, RoadmapBar, RoadmapGroup, RoadmapWindow } from "~/domain/roadmap";
import type { RoadmapMetric } from "~/services/roadmap.server";
import { useI18n } from "~/utils/use-i18n";

/**
 * The roadmap drawn in HTML and CSS on the server (no JavaScript, no chart library): quarters
 * across, a line for now and one for the next reassessment, bars grouped by category, review
 * diamonds, and the metrics on the same time axis below. Positions are shares of the window, so
 * the same markup fits a laptop, a projector and an A4 page; on a phone the box scrolls sideways,
 * snapping to quarters, with the category names kept in view.
 */

/**
 * Status by fill and border (app.css, `.rm-*`), always beside the status in words. Short class
 * names on purpose: a roadmap repeats them on hundreds of rows.
 */
export const BAR_STYLE: Record<InitiativeStatus, string> = {
  proposed: "rm-bar rm-proposed",
  planned: "rm-bar rm-planned",
  "in-progress": "rm-bar rm-in-progress",
  done: "rm-bar rm-done",
  stopped: "rm-bar rm-stopped",
};

export const MILESTONE_STYLE: Record<Milestone["state"], string> = {
  held: "rm-diamond rm-held",
  due: "rm-diamond rm-due",
  overdue: "rm-diamond rm-overdue",
};

const pct = (share: number) => `${Math.round(share * 10000) / 100}%`;

/**
 * A row's one style: where its bar starts and ends (app.css places the label and the bar from
 * them). One style object per row, not one per element: React's style serialization was a large
 * part of rendering a 300-initiative roadmap.
 */
const rowStyle = (bar: Pick<RoadmapBar, "from" | "to">) => ({ "--from": pct(bar.from), "--to": pct(bar.to) }) as CSSProperties;

type Props = {
  orgId: string;
  window: RoadmapWindow;
  now: number;
  reassessment: { date: string; at: number } | null;
  groups: RoadmapGroup[];
  categoryNames: Record<string, string>;
  metrics: RoadmapMetric[];
};

export function RoadmapChart({ orgId, window, now, reassessment, groups, categoryNames, metrics }: Props) {
  const { t, date, measure } = useI18n();
  const month = (iso: string) => date(fromIsoDate(iso), { month: "short" });
  const widths = window.quarters.map((q, i) => (window.quarters[i + 1]?.at ?? 1) - q.at);
  const edge = (at: number): CSSProperties => (at > 0.85 ? { right: pct(1 - at) } : { left: pct(at) });
  const base = `/orgs/${orgId}`;
  const statusWord = Object.fromEntries(Object.entries(STATUS_LABEL).map(([status, key]) => [status, t(key)])) as Record<InitiativeStatus, string>;
  return (
    <div className="roadmap-scroll overflow-x-auto" tabIndex={0} role="region" aria-label={t("roadmap.timeline")}>
      <div className="roadmap-canvas" style={{ "--quarters": window.quarters.length } as CSSProperties}>
        <div className="flex border-b border-line" aria-hidden="true">
          {window.quarters.map((q, i) => (
            <div key={q.start} className="roadmap-quarter border-l border-line px-2 py-1" style={{ width: pct(widths[i]!) }}>
              <span className="block font-semibold">{t("roadmap.quarter", { quarter: String(q.quarter), year: String(q.year) })}</span>
              <span className="block text-xs text-ink-soft">
                {month(q.start)}–{month(`${q.year}-${String(q.quarter * 3).padStart(2, "0")}-01`)}
              </span>
            </div>
          ))}
        </div>
        <div className="relative h-7 text-xs font-semibold" aria-hidden="true">
          <span className="absolute top-1 whitespace-nowrap rounded bg-accent px-1.5 py-0.5 text-white" style={edge(now)}>
            {t("roadmap.now")}
          </span>
          {reassessment ? (
            <span className="absolute top-1 whitespace-nowrap rounded border border-primary bg-white px-1.5 py-0.5 text-primary-strong" style={edge(reassessment.at)}>
              ⚑ {t("roadmap.reassessment")} · {date(fromIsoDate(reassessment.date), { dateStyle: "medium" })}
            </span>
          ) : null}
        </div>
        <div className="relative pb-2">
          <div className="pointer-events-none absolute inset-0" aria-hidden="true">
            {window.quarters.map((q) => (
              <span key={q.start} className="absolute inset-y-0 border-l border-line" style={{ left: pct(q.at) }} />
            ))}
            <span className="absolute inset-y-0 z-10 border-l-2 border-accent" style={{ left: pct(now) }} />
            {reassessment ? <span className="absolute inset-y-0 z-10 border-l-2 border-dashed border-primary" style={{ left: pct(reassessment.at) }} /> : null}
          </div>
          {groups.map((group) => (
            <section key={group.category ?? "none"} className="relative pt-3" aria-label={group.category ? categoryNames[group.category] : t("roadmap.category.none")}>
              <h3 className="roadmap-sticky font-bold">{group.category ? categoryNames[group.category] : t("roadmap.category.none")}</h3>
              {group.bars.map((bar) => (
                <div key={bar.id} className={bar.from > 0.6 ? "rm-row rm-bar-row rm-end" : "rm-row rm-bar-row"} data-status={bar.status} style={rowStyle(bar)}>
                  <p className="rm-label">
                    <a href={`${base}/initiatives/${bar.id}`}>{bar.title}</a> · {statusWord[bar.status]}
                    {bar.ownerName ? ` · ${bar.ownerName}` : ""}
                  </p>
                  <span className={BAR_STYLE[bar.status]} aria-hidden="true" />
                  {bar.before ? (
                    <span className="rm-before" aria-hidden="true">
                      ◀
                    </span>
                  ) : null}
                  {bar.after ? (
                    <span className="rm-after" aria-hidden="true">
                      ▶
                    </span>
                  ) : null}
                  {bar.milestones.map((m) => (
                    <span key={`${m.state}-${m.date}`} className={MILESTONE_STYLE[m.state]} style={{ left: pct(m.at) }} aria-hidden="true" />
                  ))}
                </div>
              ))}
            </section>
          ))}
          {metrics.length > 0 ? (
            <section className="relative mt-4 border-t-2 border-line pt-3" aria-label={t("roadmap.metrics.title")}>
              <h3 className="roadmap-sticky font-bold">{t("roadmap.metrics.title")}</h3>
              {metrics.map((m) => {
                const fmt = (value: number) => measure(value, m.unit, { maximumFractionDigits: 1 });
                return (
                  <div key={m.id} className="rm-row">
                    <p className="roadmap-sticky text-sm leading-relaxed">
                      <a href={`${base}/metrics/${m.id}`} className="font-semibold">
                        {m.name}
                      </a>{" "}
                      <MetricStatusBadge status={m.status} />{" "}
                      <span className="text-ink-soft">
                        {m.latest ? t("roadmap.metrics.latest", { value: fmt(m.latest.value) }) : t("roadmap.metrics.noValues")} · {t("roadmap.metrics.target", { value: fmt(m.target) })}
                      </span>
                    </p>
                    <svg className="block h-10 w-full" viewBox="0 0 1000 100" preserveAspectRatio="none" aria-hidden="true">
                      <line x1="0" x2="1000" y1={m.line.targetY} y2={m.line.targetY} className="stroke-accent" strokeWidth="1.5" strokeDasharray="6 4" vectorEffect="non-scaling-stroke" />
                      {m.line.count > 1 ? <polyline points={m.line.points} fill="none" className="stroke-primary" strokeWidth="2.5" vectorEffect="non-scaling-stroke" /> : null}
                    </svg>
                  </div>
                );
              })}
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
