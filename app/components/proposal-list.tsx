import { Form, Link, useSearchParams } from "@remix-run/react";
import { FieldError, useMessage } from "./forms";
import { EFFORT_LABEL, PRIORITY_LABEL, STAFFING_LABEL } from "./initiative-labels";
import { CapabilityTags, type CapabilityNames } from "./initiative-table";
import type { Effort, Staffing } from "~/domain/initiative.schema";
import type { FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/use-i18n";

export type ProposalRow = {
  id: string;
  title: string;
  description: string;
  capabilities: string[];
  priority: number;
  effort: Effort;
  staffing: Staffing;
  reason: { current: number; ideal: number; level: number } | null;
};

/** How many proposals show before "show all": the most pressing ones, enough to triage at a sitting. */
export const PROPOSALS_SHOWN = 8;

/**
 * Generated proposals, highest priority first, each saying why, with accept and dismiss; accept all;
 * merge two into one. A gap analysis proposes dozens, so each is one compact row with what it
 * involves folded away, and only the first few show until the reader asks for all (`?proposals=all`,
 * a plain link that works without JavaScript).
 */
export function ProposalList({ proposals, names, canManage, errors }: { proposals: readonly ProposalRow[]; names: CapabilityNames; canManage: boolean; errors?: FieldErrors }) {
  const { t } = useI18n();
  const message = useMessage();
  const [searchParams] = useSearchParams();
  const showAll = searchParams.get("proposals") === "all";
  const shown = showAll ? proposals : proposals.slice(0, PROPOSALS_SHOWN);
  const allParams = new URLSearchParams(searchParams);
  allParams.set("proposals", "all");
  return (
    <section className="card space-y-4 p-4 sm:p-6" aria-labelledby="proposals-title">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="proposals-title" className="text-xl font-bold">
            {t("initiatives.proposals.title", { count: proposals.length })}
          </h2>
          <p className="text-ink-soft">{t("initiatives.proposals.lead")}</p>
        </div>
        {canManage ? (
          <Form method="post">
            <button type="submit" name="intent" value="accept-all" className="btn btn-primary">
              {t("initiatives.proposals.acceptAll")}
            </button>
          </Form>
        ) : null}
      </div>
      <ul className="divide-y divide-line">
        {shown.map((p) => (
          <li key={p.id} data-proposal={p.id} className="flex flex-col gap-2 py-3 md:flex-row md:items-start md:justify-between md:gap-6">
            <div className="min-w-0 space-y-1">
              <h3 className="font-semibold">{p.title}</h3>
              <CapabilityTags keys={p.capabilities} names={names} />
              <p className="text-sm text-ink-soft">
                {p.reason ? <>{t("initiatives.proposals.reason", { current: p.reason.current, ideal: p.reason.ideal, level: p.reason.level })} </> : null}
                {t(PRIORITY_LABEL[String(p.priority)]!)} · {t("initiative.field.effort")}: {t(EFFORT_LABEL[p.effort])} · {t(STAFFING_LABEL[p.staffing])}
              </p>
              <details className="text-sm">
                <summary className="cursor-pointer font-semibold text-primary">{t("initiatives.proposals.involves")}</summary>
                <p className="mt-1 whitespace-pre-line text-base">{p.description}</p>
              </details>
            </div>
            {canManage ? (
              <Form method="post" className="flex shrink-0 flex-wrap gap-2">
                <input type="hidden" name="id" value={p.id} />
                <button type="submit" name="intent" value="accept" className="btn btn-secondary" aria-label={t("initiatives.proposals.acceptOne", { title: p.title })}>
                  {t("initiatives.proposals.accept")}
                </button>
                <button type="submit" name="intent" value="dismiss" className="btn btn-secondary" aria-label={t("initiatives.proposals.dismissOne", { title: p.title })}>
                  {t("initiatives.proposals.dismiss")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {shown.length < proposals.length ? (
        <p>
          <Link to={`?${allParams.toString()}`} preventScrollReset className="font-semibold">
            {t("initiatives.proposals.showAll", { count: proposals.length })}
          </Link>
        </p>
      ) : null}
      {canManage && proposals.length > 1 ? (
        // Keyed by the proposals: after an accept the selects start again from the first two.
        <Form key={proposals.map((p) => p.id).join()} method="post" className="space-y-3 rounded-lg border border-line p-4">
          <h3 className="font-semibold">{t("initiatives.merge.title")}</h3>
          <p className="text-sm text-ink-soft">{t("initiatives.merge.lead")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {(["keep", "merge"] as const).map((name, index) => (
              <div key={name}>
                <label htmlFor={`merge-${name}`} className="block font-semibold">
                  {t(name === "keep" ? "initiatives.merge.keep" : "initiatives.merge.other")}
                </label>
                <select
                  id={`merge-${name}`}
                  name={name}
                  defaultValue={proposals[index]?.id}
                  aria-describedby={errors?.[name] ? `merge-${name}-error` : undefined}
                  className="mt-1 block min-h-11 w-full rounded-lg border border-line bg-white px-3 py-2"
                >
                  {proposals.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </select>
                <FieldError id={`merge-${name}-error`} message={message(errors?.[name])} />
              </div>
            ))}
          </div>
          <button type="submit" name="intent" value="merge" className="btn btn-secondary">
            {t("initiatives.merge.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
