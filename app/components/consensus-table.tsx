import { forwardRef } from "react";
import type { ConsensusDraft } from "~/services/consensus-view.server";
import type { LocalizedCategory } from "~/utils/content.server";
import type { useValidatedForm } from "~/utils/use-validated-form";
import { useI18n } from "~/utils/use-i18n";
import { DataTable, type Column } from "./data-table";
import { useMessage } from "./forms";

type FieldProps = ReturnType<ReturnType<typeof useValidatedForm>["field"]>;

type Props = {
  category: LocalizedCategory;
  drafts: Record<string, ConsensusDraft>;
  values?: Record<string, string>;
  /** Registers an input with the page's form (instant feedback) and gives its message, client's or server's. */
  field: (name: string) => FieldProps;
  disabled: boolean;
};

const Select = forwardRef<HTMLSelectElement, Omit<FieldProps, "ref"> & { label: string; options: number[]; value: string; disabled: boolean }>(function Select(
  { name, label, options, value, error, disabled, ...registered },
  ref,
) {
  const message = useMessage()(error);
  return (
    <>
      <label htmlFor={name} className="sr-only">
        {label}
      </label>
      <select
        {...registered}
        ref={ref}
        id={name}
        name={name}
        defaultValue={value}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${name}-error` : undefined}
        className={`tabular min-h-11 w-16 rounded-lg border bg-white px-2 ${message ? "border-2 border-danger" : "border-line"}`}
      >
        <option value="">–</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {message ? (
        <p id={`${name}-error`} className="mt-1 text-xs font-semibold text-danger">
          {message}
        </p>
      ) : null}
    </>
  );
});

type Row = LocalizedCategory["capabilities"][number];

/** One category of the consensus form, with the room's votes beside each row. */
export function ConsensusTable({ category, drafts, values, field, disabled }: Props) {
  const { t, number } = useI18n();
  const value = (name: string, fallback: number | string | null) => values?.[name] ?? (fallback === null ? "" : String(fallback));
  const level = (key: "current" | "ideal" | "importance", labelKey: "consensus.currentFor" | "consensus.idealFor" | "consensus.importanceFor", options: number[]) => (capability: Row) => {
    const name = `${capability.key}.${key}`;
    return <Select {...field(name)} label={t(labelKey, { name: capability.name })} options={options} value={value(name, drafts[capability.key]![key])} disabled={disabled} />;
  };
  const columns: Column<Row>[] = [
    {
      key: "capability",
      header: t("term.capability"),
      width: "w-[24%]",
      rowHeader: true,
      className: "font-semibold",
      cell: (capability) => (
        <>
          {capability.name}
          {drafts[capability.key]!.source === "median" ? <span className="block text-xs font-normal text-ink-soft">{t("consensus.fromMedian")}</span> : null}
        </>
      ),
    },
    {
      key: "votes",
      header: t("consensus.col.votes"),
      width: "w-[20%]",
      className: "tabular text-xs",
      cell: (capability) => {
        const votes = drafts[capability.key]!.votes;
        return votes && votes.votes > 0 ? (
          <>
            <span className="block">{t("consensus.votesToday", { dist: votes.distributionCurrent.join(" · "), median: number(votes.medianCurrent ?? 0, { maximumFractionDigits: 1 }) })}</span>
            <span className="block">{t("consensus.votesGoal", { dist: votes.distributionIdeal.join(" · "), median: number(votes.medianIdeal ?? 0, { maximumFractionDigits: 1 }) })}</span>
            {votes.disagreement ? <span className="mt-1 inline-block rounded bg-accent-soft px-1 font-bold text-accent">⚑ {t("board.disagreement")}</span> : null}
          </>
        ) : (
          <span className="text-ink-soft">{t("consensus.noVotes")}</span>
        );
      },
    },
    { key: "current", header: t("term.current"), width: "w-[9%]", cell: level("current", "consensus.currentFor", [1, 2, 3, 4]) },
    { key: "ideal", header: t("term.target"), width: "w-[9%]", cell: level("ideal", "consensus.idealFor", [1, 2, 3, 4]) },
    { key: "importance", header: t("term.importance"), width: "w-[10%]", cell: level("importance", "consensus.importanceFor", [1, 2, 3]) },
    {
      key: "rationale",
      header: t("consensus.col.rationale"),
      cell: (capability) => {
        const name = `${capability.key}.rationale`;
        const { error, ...registered } = field(name);
        const message = error ? <FieldMessage name={name} error={error} /> : null;
        return (
          <>
            <label htmlFor={name} className="sr-only">
              {t("consensus.rationaleFor", { name: capability.name })}
            </label>
            <textarea
              {...registered}
              id={name}
              rows={2}
              maxLength={2000}
              disabled={disabled}
              defaultValue={value(name, drafts[capability.key]!.rationale)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${name}-error` : undefined}
              className="w-full rounded-lg border border-line bg-white p-2"
            />
            {message}
          </>
        );
      },
    },
  ];
  return (
    <section className="card overflow-x-auto" tabIndex={0} aria-labelledby={`consensus-${category.key}`}>
      <h2 id={`consensus-${category.key}`} className="px-4 pt-4 text-lg font-bold">
        {category.name}
      </h2>
      <p className="px-4 text-sm text-ink-soft">{category.question}</p>
      <DataTable
        className="mt-2 min-w-[52rem] table-fixed text-sm"
        columns={columns}
        rows={category.capabilities}
        rowKey={(capability) => capability.key}
        rowProps={(capability) => ({ "data-capability": capability.key })}
        density="comfortable"
        alignTop
        stack
      />
    </section>
  );
}

function FieldMessage({ name, error }: { name: string; error: string }) {
  const message = useMessage()(error);
  return (
    <p id={`${name}-error`} className="mt-1 text-xs font-semibold text-danger">
      {message}
    </p>
  );
}
