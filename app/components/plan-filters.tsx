import { Form, Link, useSearchParams } from "@remix-run/react";
import { STATUS_LABEL } from "./initiative-labels";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "~/domain/initiative.schema";
import { useI18n } from "~/utils/use-i18n";

/** The same list with one filter set (or cleared); the others kept. */
const filterLink = (search: URLSearchParams, key: string, value: string | null) => {
  const next = new URLSearchParams(search);
  if (value === null) next.delete(key);
  else next.set(key, value);
  const query = next.toString();
  return query ? `?${query}` : ".";
};

/** The plan's filters as links (status, overdue, category) and a GET form (owner, sort): all work without JavaScript. */
export function PlanFilters({ categories, owners }: { categories: readonly { key: string; name: string }[]; owners: readonly string[] }) {
  const [search] = useSearchParams();
  const { t } = useI18n();
  const chip = (key: string, value: string | null, label: string) => {
    const active = (search.get(key) ?? null) === value;
    return (
      <Link
        key={`${key}-${value}`}
        to={filterLink(search, key, value)}
        aria-current={active ? "true" : undefined}
        className={`rounded-full border px-3 py-1 text-sm font-semibold no-underline ${
          active ? "border-primary bg-primary text-white" : "border-line bg-white text-ink"
        }`}
      >
        {label}
      </Link>
    );
  };
  return (
    <>
      <nav aria-label={t("initiatives.filters")} className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold text-ink-soft">{t("initiative.field.status")}:</span>
          {chip("status", null, t("initiatives.filter.all"))}
          {(INITIATIVE_STATUSES.filter((s) => s !== "proposed") as InitiativeStatus[]).map((s) => chip("status", s, t(STATUS_LABEL[s])))}
          {chip("overdue", "1", t("initiatives.filter.overdue"))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold text-ink-soft">{t("initiatives.filter.category")}:</span>
          {chip("category", null, t("initiatives.filter.all"))}
          {categories.map((c) => chip("category", c.key, c.name))}
        </div>
      </nav>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        {["status", "category", "overdue"].map((key) => (search.get(key) ? <input key={key} type="hidden" name={key} value={search.get(key)!} /> : null))}
        <div>
          <label htmlFor="owner" className="block text-sm font-semibold">
            {t("initiative.field.owner")}
          </label>
          <select id="owner" name="owner" defaultValue={search.get("owner") ?? ""} className="mt-1 block min-h-11 rounded-lg border border-line bg-white px-3">
            <option value="">{t("initiatives.filter.anyOwner")}</option>
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-semibold">
            {t("initiatives.sort")}
          </label>
          <select
            id="sort"
            name="sort"
            defaultValue={search.get("sort") ?? "priority"}
            className="mt-1 block min-h-11 rounded-lg border border-line bg-white px-3"
          >
            <option value="priority">{t("initiative.field.priority")}</option>
            <option value="next_review">{t("initiative.nextReview")}</option>
            <option value="start">{t("initiative.field.start")}</option>
            <option value="target">{t("initiative.field.target")}</option>
            <option value="status">{t("initiative.field.status")}</option>
            <option value="title">{t("initiative.field.title")}</option>
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          {t("initiatives.apply")}
        </button>
      </Form>
    </>
  );
}
