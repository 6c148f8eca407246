import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { ConsensusTable } from "~/components/consensus-table";
import { FormMessage } from "~/components/forms";
import { consensusPostSchema } from "~/domain/assessment.schema";
import { requireAssessment } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import { getConsensusDrafts, withMedianDefaults } from "~/services/consensus-view.server";
import { getCapabilityKeys, getLocalizedModel } from "~/utils/content.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const lang = detectLang(request);
  return {
    i18n: messagesFor(request, ["workshop"]),
    title: `${translate(lang, "consensus.title")} · ${assessment.name}`,
    assessment: { id: assessment.id, name: assessment.name, status: assessment.status, mode: assessment.mode },
    editable: can(role, "run-assessments") && assessment.status === "open",
    categories: getLocalizedModel(lang).categories,
    drafts: await getConsensusDrafts(assessment.id),
  };
}

let consensusSchema: ReturnType<typeof consensusPostSchema> | undefined;
const getConsensusSchema = () => (consensusSchema ??= consensusPostSchema(getCapabilityKeys()));

type Result = { errors: Record<string, string>; values?: Record<string, string>; saved?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "run-assessments");
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const form = parseForm(getConsensusSchema(), await readFormData(request));
  if (!form.ok) return data<Result>({ errors: form.errors, values: form.values }, { status: 400 });
  const { entries, intent } = form.data;
  const lock = intent === "lock";
  const outcome = await saveConsensus(assessment.id, lock ? await withMedianDefaults(assessment.id, entries) : entries, lock);
  if (outcome === "already-locked") return data<Result>({ errors: { form: "consensus.alreadyLocked" } }, { status: 409 });
  if (outcome === "locked") return redirect(`/orgs/${organization.id}/assessments/${assessment.id}`, 303);
  // "Lock…" first saves what is on screen, then asks for confirmation.
  if (intent === "review-lock") return redirect("?confirm=lock", 303);
  return data<Result>({ errors: {}, saved: true });
}

export default function Consensus() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const errors = result?.errors ?? {};
  const confirming = searchParams.get("confirm") === "lock";
  const { orgId } = useParams();
  const back = `/orgs/${orgId}/assessments/${data.assessment.id}`;
  // The schema the action parses, built from the same model keys the loader's categories carry.
  const schema = useMemo(() => consensusPostSchema(data.categories.flatMap((c) => c.capabilities.map((cap) => cap.key))), [data.categories]);
  const form = useValidatedForm(schema, result?.errors);
  const fieldErrors = Object.keys(errors).filter((k) => k !== "form").length > 0 || form.hasClientErrors;
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6">
      <div>
        <Link to={back} className="text-sm font-semibold">← {data.assessment.name}</Link>
        <h1 className="mt-1 text-3xl font-bold">{t("consensus.title")}</h1>
        <p className="mt-1 text-ink-soft">{t(data.editable ? "consensus.lead" : "consensus.readOnly")}</p>
      </div>
      {errors.form ? <FormMessage tone="error">{t("consensus.alreadyLocked")}</FormMessage> : null}
      {fieldErrors ? <FormMessage tone="error">{t("form.errorSummary")}</FormMessage> : null}
      {result?.saved ? <FormMessage tone="success">{t("consensus.saved")}</FormMessage> : null}
      <Form method="post" className="space-y-6" {...form.formProps}>
        {data.categories.map((category) => (
          <ConsensusTable key={category.key} category={category} drafts={data.drafts} values={result?.values} field={form.field} disabled={!data.editable} />
        ))}
        {data.editable ? (
          <div className="card sticky bottom-0 flex flex-wrap items-center gap-3 p-4">
            <button type="submit" name="intent" value="save" className="btn btn-primary">{t("consensus.save")}</button>
            {confirming ? (
              <div className="flex flex-1 flex-wrap items-center gap-3 rounded-lg border border-accent bg-accent-soft p-3" role="alert">
                <p className="flex-1 font-semibold">{t("consensus.lockConfirm")}</p>
                <button type="submit" name="intent" value="lock" className="btn bg-accent text-white">{t("consensus.lockNow")}</button>
                <Link to="." className="btn btn-secondary">{t("form.cancel")}</Link>
              </div>
            ) : (
              <button type="submit" name="intent" value="review-lock" className="btn btn-secondary">{t("consensus.lock")}</button>
            )}
          </div>
        ) : null}
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
