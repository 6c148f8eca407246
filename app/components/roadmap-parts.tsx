import { STATUS_LABEL } from "./initiative-labels";
import { BAR_STYLE, MILESTONE_STYLE } from "./roadmap-chart";
import { fromIsoDate } from "~/domain/dates";
import { INITIATIVE_STATUSES } from "~/domain/initiative.schema";
import type { Milestone, RoadmapFilters, RoadmapItem } from "~/domain/roadmap";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

function FilterSelect({ name, label, any, value, options }: { name: string; label: string; any: string; value: string | undefined; options: [string, string][] }) {
  return (
    <div className="w-full sm:w-auto">
      <label htmlFor={name} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className="mt-1 block min-h-11 w-full rounded-lg border border-line bg-white px-3">
        <option value="">{any}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters as a plain GET form: it works without JavaScript, and the URL can be shared. */
export function RoadmapFilterForm({
  filters,
  options,
  projector,
}: {
  filters: RoadmapFilters;
  options: { categories: { key: string; name: string }[]; owners: string[] };
  projector: boolean;
}) {
  const { t } = useI18n();
  const filtered = Boolean(filters.category || filters.status || filters.owner);
  return (
    <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label={t("roadmap.filters")}>
      {projector ? <input type="hidden" name="view" value="projector" /> : null}
      <FilterSelect name="category" label={t("roadmap.filter.category")} any={t("roadmap.filter.anyCategory")} value={filters.category} options={options.categories.map((c) => [c.key, c.name])} />
      <FilterSelect name="status" label={t("roadmap.filter.status")} any={t("roadmap.filter.anyStatus")} value={filters.status} options={INITIATIVE_STATUSES.map((s) => [s, t(STATUS_LABEL[s])])} />
      <FilterSelect name="owner" label={t("roadmap.filter.owner")} any={t("roadmap.filter.anyOwner")} value={filters.owner} options={options.owners.map((o) => [o, o])} />
      <button type="submit" className="btn btn-secondary">
        {t("roadmap.filter.apply")}
      </button>
      {filtered ? (
        <a href={projector ? "?view=projector" : "?"} className="btn no-underline">
          {t("roadmap.filter.clear")}
        </a>
      ) : null}
    </form>
  );
}

const LEGEND_TEXT: Record<Milestone["state"], MessageKey> = { held: "roadmap.legend.held", due: "roadmap.legend.due", overdue: "roadmap.legend.overdue" };

/** What each fill, border and sign means. */
export function RoadmapLegend() {
  const { t } = useI18n();
  const swatch = "relative inline-block h-3 w-8";
  return (
    <div>
      <h2 className="sr-only">{t("roadmap.legend")}</h2>
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {INITIATIVE_STATUSES.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <span className={swatch} aria-hidden="true">
              <span className={BAR_STYLE[s]} style={{ left: 0, right: 0, bottom: 0 }} />
            </span>
            {t(STATUS_LABEL[s])}
          </li>
        ))}
        {(Object.keys(LEGEND_TEXT) as Milestone["state"][]).map((state) => (
          <li key={state} className="flex items-center gap-2">
            <span className="relative inline-block h-3 w-4" aria-hidden="true">
              <span className={MILESTONE_STYLE[state]} style={{ left: "50%", bottom: "0.375rem" }} />
            </span>
            {t(LEGEND_TEXT[state])}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span className="inline-block h-4 border-l-2 border-accent" aria-hidden="true" />
          {t("roadmap.now")}
        </li>
        <li className="flex items-center gap-2">
          <span className="inline-block h-4 border-l-2 border-dashed border-primary" aria-hidden="true" />⚑ {t("roadmap.reassessment")}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true">◀ ▶</span>
          {t("roadmap.legend.continues")}
        </li>
      </ul>
    </div>
  );
}

const MEDIUM: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

const REVIEW_TEXT: Record<Milestone["state"], MessageKey> = { held: "roadmap.item.held", due: "roadmap.item.due", overdue: "roadmap.item.overdue" };

/**
 * Everything on the timeline as one ordered list, by date (INTERFACES): each item carries
 * `data-roadmap-item`, `data-kind`, `data-start` and, for an initiative, `data-end`. Scripts read it;
 * screen readers and print get the whole roadmap in words.
 */
export function RoadmapList({ items }: { items: RoadmapItem[] }) {
  const { t, date } = useI18n();
  // Hundreds of items, many on the same days: format each day once.
  const days = new Map<string, string>();
  const day = (iso: string) => {
    let text = days.get(iso);
    if (text === undefined) {
      text = date(fromIsoDate(iso), MEDIUM);
      days.set(iso, text);
    }
    return text;
  };
  const statusWord = Object.fromEntries(INITIATIVE_STATUSES.map((s) => [s, t(STATUS_LABEL[s])]));
  return (
    <section aria-labelledby="roadmap-list-title" className="card p-4 sm:p-6">
      <h2 id="roadmap-list-title" className="text-xl font-bold">
        {t("roadmap.list.title")}
      </h2>
      <ol className="mt-3 list-decimal space-y-1 pl-8 text-sm lg:columns-2 lg:gap-10" data-testid="roadmap-list">
        {items.map((item) =>
          item.kind === "initiative" ? (
            <li key={`i-${item.initiativeId}`} data-roadmap-item="" data-kind="initiative" data-start={item.start} data-end={item.end} data-initiative={item.initiativeId} data-status={item.status}>
              {t("roadmap.item.initiative", { start: day(item.start), end: day(item.end), title: item.title, status: statusWord[item.status]! })}
            </li>
          ) : item.kind === "review" ? (
            <li key={`r-${item.initiativeId}-${item.start}-${item.state}`} data-roadmap-item="" data-kind="review" data-start={item.start} data-initiative={item.initiativeId} data-state={item.state}>
              {t(REVIEW_TEXT[item.state], { date: day(item.start), title: item.title })}
            </li>
          ) : (
            <li key="reassessment" data-roadmap-item="" data-kind="reassessment" data-start={item.start}>
              {t("roadmap.item.reassessment", { date: day(item.start) })}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
