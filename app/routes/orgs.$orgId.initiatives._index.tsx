import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { EmptyState, Page } from "~/components/page";
import { InitiativeTable, type CapabilityNames } from "~/components/initiative-table";
import { PlanFilters } from "~/components/plan-filters";
import { ProposalList } from "~/components/proposal-list";
import { compareText } from "~/domain/compare";
import { INITIATIVE_STATUSES } from "~/domain/initiative.schema";
import { today } from "~/domain/review-schedule";
import { acceptProposals, dismissProposal, mergeProposals } from "~/models/initiative.server";
import { acceptDates, capabilityNames, filterPlan, getPlan, PLAN_SORTS, type PlanSort } from "~/services/initiatives.server";
import { readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const lang = detectLang(request);
  const search = new URL(request.url).searchParams;
  const { categories } = capabilityNames(lang);
  const plan = await getPlan(organization.id, today());
  const accepted = plan.filter((i) => i.status !== "proposed");
  const filters = {
    status: oneOf(INITIATIVE_STATUSES, search.get("status")),
    owner: search.get("owner") || undefined,
    category: oneOf(categories.map((c) => c.key), search.get("category")),
    overdue: search.get("overdue") === "1",
    sort: oneOf<PlanSort>(PLAN_SORTS, search.get("sort")),
  };
  const names: CapabilityNames = Object.fromEntries(categories.flatMap((c) => c.capabilities.map((cap) => [cap.key, { name: cap.name, category: c.key }])));
  return {
    i18n: messagesFor(request, ["initiatives"]),
    title: `${translate(lang, "initiatives.title")} · ${organization.name}`,
    canManage: can(role, "manage-initiatives"),
    total: accepted.length,
    names,
    categories: categories.map((c) => ({ key: c.key, name: c.name })),
    owners: [...new Set(accepted.map((i) => i.ownerName).filter(Boolean))].sort(compareText),
    rows: filterPlan(filters.status === "proposed" ? [] : accepted, filters).map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      priority: i.priority,
      ownerName: i.ownerName,
      start: i.start,
      target: i.target,
      nextReview: i.nextReview,
      reviewOverdue: i.reviewDue?.kind === "overdue",
      pastTarget: i.pastTarget,
      capabilities: i.capabilities,
    })),
    proposals: plan
      .filter((i) => i.status === "proposed")
      .map((i) => ({
        id: i.id,
        title: i.title,
        description: i.description,
        capabilities: i.capabilities,
        priority: i.priority,
        effort: i.effort,
        staffing: i.staffing,
        reason: i.reason ? { current: i.reason.current, ideal: i.reason.ideal, level: i.reason.level } : null,
      })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const id = String(form.get("id") ?? "");
  const back = redirect(`/orgs/${organization.id}/initiatives`, 303);
  if (intent === "accept-all") {
    await acceptProposals(organization.id, null, acceptDates(today()), user.id);
    return back;
  }
  if (intent === "accept") {
    if ((await acceptProposals(organization.id, [id], acceptDates(today()), user.id)) === 0) throw new Response("Not found", { status: 404 });
    return back;
  }
  if (intent === "dismiss") {
    if (!(await dismissProposal(organization.id, id, user.id))) throw new Response("Not found", { status: 404 });
    return back;
  }
  if (intent === "merge") {
    const keep = String(form.get("keep") ?? "");
    const other = String(form.get("merge") ?? "");
    if (!keep || !other || keep === other) return data({ errors: { merge: "initiatives.merge.error.same" } }, { status: 400 });
    if ((await mergeProposals(organization.id, keep, other, user.id)) === "not-found") throw new Response("Not found", { status: 404 });
    return redirect(`/orgs/${organization.id}/initiatives/${keep}`, 303);
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function InitiativesPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t } = useI18n();
  return (
    <Page
      title={t("initiatives.title")}
      lead={t("initiatives.lead")}
      width="max-w-6xl"
      actions={
        <>
          {data.canManage ? (
            <Link to="new" className="btn btn-primary">
              {t("initiatives.new")}
            </Link>
          ) : null}
          <Link to={`/orgs/${orgId}/initiatives.csv`} reloadDocument className="btn btn-secondary">
            {t("initiatives.csv")}
          </Link>
        </>
      }
    >
      <div className="space-y-6">
        {data.proposals.length > 0 ? <ProposalList proposals={data.proposals} names={data.names} canManage={data.canManage} errors={result?.errors} /> : null}
        {data.total === 0 && data.proposals.length === 0 ? (
          <EmptyState
            title={t("initiatives.empty.title")}
            text={t("initiatives.empty.text")}
            action={
              data.canManage ? (
                <Link to="new" className="btn btn-primary">
                  {t("initiatives.new")}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <>
            <PlanFilters categories={data.categories} owners={data.owners} />
            {data.rows.length === 0 ? (
              <p className="card p-6 text-ink-soft">{t("initiatives.noMatch")}</p>
            ) : (
              <InitiativeTable rows={data.rows} names={data.names} caption={t("initiatives.table", { count: data.rows.length })} />
            )}
          </>
        )}
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
