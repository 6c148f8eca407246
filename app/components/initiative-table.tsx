import { Link } from "@remix-run/react";
import { DataTable } from "./data-table";
import { PRIORITY_SHORT, STATUS_LABEL, STATUS_STYLE } from "./initiative-labels";
import { fromIsoDate } from "~/domain/dates";
import type { InitiativeStatus } from "~/domain/initiative.schema";
import { useI18n } from "~/utils/use-i18n";

export type PlanRow = {
  id: string;
  title: string;
  status: InitiativeStatus;
  priority: number;
  ownerName: string;
  start: string | null;
  target: string | null;
  nextReview: string | null;
  reviewOverdue: boolean;
  pastTarget: boolean;
  capabilities: string[];
};

/** Capability key → its name and category, in the reader's language. */
export type CapabilityNames = Record<string, { name: string; category: string }>;

/** One tag style per category (with the name in text, so colour is never the only cue). */
const CATEGORY_TAG: Record<string, string> = {
  "business-process": "border-l-primary",
  talent: "border-l-accent",
  "customer-interaction": "border-l-ink",
  infrastructure: "border-l-ink-soft",
};

export function CapabilityTags({ keys, names }: { keys: readonly string[]; names: CapabilityNames }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {keys.map((key) => (
        <li key={key} className={`rounded border border-l-4 border-line bg-white px-1.5 text-xs ${CATEGORY_TAG[names[key]?.category ?? ""] ?? ""}`}>
          {names[key]?.name ?? key}
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useI18n();
  return <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-semibold ${STATUS_STYLE[status]}`}>{t(STATUS_LABEL[status])}</span>;
}

/** The plan as a board paper: title, capabilities, owner, status, dates, the next review with "overdue" where due. */
export function InitiativeTable({ rows, names, caption }: { rows: readonly PlanRow[]; names: CapabilityNames; caption: string }) {
  const { t, date } = useI18n();
  // Short dates ("1 Jan 2027", "1 ene 2027"): three date columns side by side stay readable.
  const day = (value: string | null) => (value ? date(fromIsoDate(value), { dateStyle: "medium" }) : "—");
  // "overdue" in words beside the amber, never colour alone.
  const dated = (value: string | null, overdue: boolean) => (
    <>
      {day(value)}
      {overdue ? <span className="ml-1 font-semibold text-accent">{t("initiative.overdue")}</span> : null}
    </>
  );
  return (
    <div className="card overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ "data-initiative": row.id })}
        density="comfortable"
        stack
        className="min-w-[48rem]"
        columns={[
          {
            key: "title",
            header: t("initiative.field.title"),
            rowHeader: true,
            cell: (row) => (
              <div className="space-y-1 sm:min-w-[13rem] font-normal">
                <Link to={row.id} className="font-semibold">
                  {row.title}
                </Link>
                <CapabilityTags keys={row.capabilities} names={names} />
              </div>
            ),
          },
          { key: "owner", header: t("initiative.field.owner"), cell: (row) => row.ownerName || "—" },
          { key: "status", header: t("initiative.field.status"), cell: (row) => <StatusBadge status={row.status} /> },
          { key: "priority", header: t("initiative.field.priority"), cell: (row) => t(PRIORITY_SHORT[String(row.priority)]!) },
          { key: "start", header: t("initiative.field.start"), cell: (row) => day(row.start), className: "whitespace-nowrap" },
          { key: "target", header: t("initiative.field.target"), className: "whitespace-nowrap", cell: (row) => dated(row.target, row.pastTarget) },
          { key: "review", header: t("initiative.nextReview"), className: "whitespace-nowrap", cell: (row) => dated(row.nextReview, row.reviewOverdue) },
        ]}
      />
    </div>
  );
}
