import { EFFORT_LABEL, PRIORITY_SHORT, STAFFING_LABEL, STATUS_LABEL } from "./initiative-labels";
import { fromIsoDate, isIsoDate } from "~/domain/dates";
import type { Effort, InitiativeStatus, Staffing } from "~/domain/initiative.schema";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

export type HistoryEntry = {
  id: string;
  at: number;
  userName: string | null;
  kind: string;
  fields?: Record<string, [unknown, unknown]>;
  other?: { id: string; title: string };
  decision?: string;
};

const KIND_LABEL: Record<string, MessageKey> = {
  created: "initiative.history.created",
  generated: "initiative.history.generated",
  "from-feedback": "initiative.history.fromFeedback",
  updated: "initiative.history.updated",
  accepted: "initiative.history.accepted",
  dismissed: "initiative.history.dismissed",
  merged: "initiative.history.merged",
  "merged-into": "initiative.history.mergedInto",
  reviewed: "initiative.history.reviewed",
};

const FIELD_LABEL: Record<string, MessageKey> = {
  title: "initiative.field.title",
  description: "initiative.field.description",
  capabilities: "initiative.field.capabilities",
  owner_name: "initiative.field.owner",
  owner_email: "initiative.history.ownerEmail",
  start: "initiative.field.start",
  target: "initiative.field.target",
  status: "initiative.field.status",
  priority: "initiative.field.priority",
  effort: "initiative.field.effort",
  staffing: "initiative.field.staffing",
  metrics: "initiative.field.metrics",
};

/** Fields short enough to show before → after; the description and the lists show only that they changed. */
const SHOWN = new Set(["title", "owner_name", "owner_email", "start", "target", "status", "priority", "effort", "staffing"]);

/** Who changed what, when: newest first. Short fields show before → after; longer texts only that they changed. */
export function InitiativeHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, date } = useI18n();
  const show = (field: string, value: unknown) => {
    if (!SHOWN.has(field)) return null;
    if (value === null || value === undefined || value === "") return "—";
    const label = (labels: Record<string, MessageKey>) => (labels[String(value)] ? t(labels[String(value)]!) : String(value));
    if (field === "status") return label(STATUS_LABEL as Record<InitiativeStatus, MessageKey>);
    if (field === "priority") return label(PRIORITY_SHORT);
    if (field === "effort") return label(EFFORT_LABEL as Record<Effort, MessageKey>);
    if (field === "staffing") return label(STAFFING_LABEL as Record<Staffing, MessageKey>);
    if (typeof value === "string" && isIsoDate(value)) return date(fromIsoDate(value));
    return String(value);
  };
  return (
    <ol className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} className="border-l-4 border-line pl-3">
          <p className="text-sm text-ink-soft">
            {date(entry.at, { dateStyle: "medium", timeStyle: "short" })} · {entry.userName ?? t("initiative.history.someone")}
          </p>
          <p className="font-semibold">
            {t(KIND_LABEL[entry.kind] ?? "initiative.history.updated", { other: entry.other?.title ?? "" })}
          </p>
          {entry.fields ? (
            <ul className="text-sm">
              {Object.entries(entry.fields).map(([field, [before, after]]) => {
                const from = show(field, before);
                const to = show(field, after);
                return (
                  <li key={field}>
                    {FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field}
                    {from !== null && to !== null ? `: ${from} → ${to}` : ""}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
