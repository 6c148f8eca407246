import { Form, Link } from "@remix-run/react";
import { StatusBadge } from "./initiative-table";
import type { InitiativeStatus } from "~/domain/initiative.schema";
import { useI18n } from "~/utils/use-i18n";

type Row = { capabilityKey: string; name: string; gap: number | null; initiatives: { id: string; title: string; status: InitiativeStatus }[] };

/**
 * Per capability with a gap, the initiatives that address it, and an amber "none yet" where there
 * are none; "Generate initiatives" for those who manage the plan.
 */
export function GapInitiatives({ rows, orgId, assessmentId, canGenerate }: { rows: readonly Row[]; orgId: string; assessmentId: string; canGenerate: boolean }) {
  const { t } = useI18n();
  const withGap = rows.filter((r) => (r.gap ?? 0) > 0);
  return (
    <section className="card space-y-4 p-6" aria-labelledby="gap-initiatives-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="gap-initiatives-title" className="text-xl font-bold">
            {t("plan.byCapability")}
          </h2>
          {canGenerate ? <p className="text-ink-soft">{t("plan.generate.lead")}</p> : null}
        </div>
        {canGenerate ? (
          <Form method="post" action={`/orgs/${orgId}/assessments/${assessmentId}/initiatives`} className="no-print">
            <button type="submit" name="intent" value="generate" className="btn btn-primary">
              {t("plan.generate")}
            </button>
          </Form>
        ) : null}
      </div>
      <ul className="divide-y divide-line">
        {withGap.map((row) => (
          <li key={row.capabilityKey} data-capability-initiatives={row.capabilityKey} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
            <span className="min-w-48 font-semibold">{row.name}</span>
            {row.initiatives.length === 0 ? (
              <span className="font-semibold text-accent">{t("plan.byCapability.none")}</span>
            ) : (
              <ul className="flex flex-1 flex-col gap-1">
                {row.initiatives.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center gap-2">
                    <Link to={`/orgs/${orgId}/initiatives/${i.id}`}>{i.title}</Link>
                    <StatusBadge status={i.status} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
