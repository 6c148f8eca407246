import type { ConsensusDraft } from "~/services/consensus-view.server";
import type { LocalizedCategory } from "~/utils/content.server";
import { useMessage } from "./forms";
import { useI18n } from "~/utils/use-i18n";

type Props = {
  category: LocalizedCategory;
  drafts: Record<string, ConsensusDraft>;
  values?: Record<string, string>;
  errors: Record<string, string>;
  disabled: boolean;
};

function Select({ name, label, options, value, error, disabled }: { name: string; label: string; options: number[]; value: string; error?: string; disabled: boolean }) {
  const message = useMessage()(error);
  return (
    <>
      <label htmlFor={name} className="sr-only">
        {label}
      </label>
      <select
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
}

/** One category of the consensus form, with the room's votes beside each row. */
export function ConsensusTable({ category, drafts, values, errors, disabled }: Props) {
  const { t, number } = useI18n();
  const value = (name: string, fallback: number | string | null) => values?.[name] ?? (fallback === null ? "" : String(fallback));
  return (
    <section className="card overflow-x-auto" tabIndex={0} aria-labelledby={`consensus-${category.key}`}>
      <h2 id={`consensus-${category.key}`} className="px-4 pt-4 text-lg font-bold">
        {category.name}
      </h2>
      <p className="px-4 text-sm text-ink-soft">{category.question}</p>
      <table className="mt-2 w-full min-w-[52rem] table-fixed text-left text-sm">
        <colgroup>
          <col className="w-[24%]" />
          <col className="w-[20%]" />
          <col className="w-[9%]" />
          <col className="w-[9%]" />
          <col className="w-[10%]" />
          <col />
        </colgroup>
        <thead className="border-b border-line text-ink-soft">
          <tr>
            <th scope="col" className="px-4 py-2">{t("term.capability")}</th>
            <th scope="col" className="px-2 py-2">{t("consensus.col.votes")}</th>
            <th scope="col" className="px-2 py-2">{t("term.current")}</th>
            <th scope="col" className="px-2 py-2">{t("term.target")}</th>
            <th scope="col" className="px-2 py-2">{t("term.importance")}</th>
            <th scope="col" className="px-4 py-2">{t("consensus.col.rationale")}</th>
          </tr>
        </thead>
        <tbody>
          {category.capabilities.map((capability) => {
            const key = capability.key;
            const draft = drafts[key]!;
            const votes = draft.votes;
            return (
              <tr key={key} className="border-b border-line align-top last:border-0" data-capability={key}>
                <th scope="row" className="px-4 py-3 font-semibold">
                  {capability.name}
                  {draft.source === "median" ? <span className="block text-xs font-normal text-ink-soft">{t("consensus.fromMedian")}</span> : null}
                </th>
                <td className="tabular px-2 py-3 text-xs">
                  {votes && votes.votes > 0 ? (
                    <>
                      <span className="block">{t("consensus.votesToday", { dist: votes.distributionCurrent.join(" · "), median: number(votes.medianCurrent ?? 0, { maximumFractionDigits: 1 }) })}</span>
                      <span className="block">{t("consensus.votesGoal", { dist: votes.distributionIdeal.join(" · "), median: number(votes.medianIdeal ?? 0, { maximumFractionDigits: 1 }) })}</span>
                      {votes.disagreement ? <span className="mt-1 inline-block rounded bg-accent-soft px-1 font-bold text-accent">⚑ {t("board.disagreement")}</span> : null}
                    </>
                  ) : (
                    <span className="text-ink-soft">{t("consensus.noVotes")}</span>
                  )}
                </td>
                <td className="px-2 py-3">
                  <Select name={`${key}.current`} label={t("consensus.currentFor", { name: capability.name })} options={[1, 2, 3, 4]} value={value(`${key}.current`, draft.current)} error={errors[`${key}.current`]} disabled={disabled} />
                </td>
                <td className="px-2 py-3">
                  <Select name={`${key}.ideal`} label={t("consensus.idealFor", { name: capability.name })} options={[1, 2, 3, 4]} value={value(`${key}.ideal`, draft.ideal)} error={errors[`${key}.ideal`]} disabled={disabled} />
                </td>
                <td className="px-2 py-3">
                  <Select name={`${key}.importance`} label={t("consensus.importanceFor", { name: capability.name })} options={[1, 2, 3]} value={value(`${key}.importance`, draft.importance)} error={errors[`${key}.importance`]} disabled={disabled} />
                </td>
                <td className="px-4 py-3">
                  <label htmlFor={`${key}.rationale`} className="sr-only">
                    {t("consensus.rationaleFor", { name: capability.name })}
                  </label>
                  <textarea id={`${key}.rationale`} name={`${key}.rationale`} rows={2} maxLength={2000} disabled={disabled} defaultValue={value(`${key}.rationale`, draft.rationale)} className="w-full rounded-lg border border-line bg-white p-2" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
