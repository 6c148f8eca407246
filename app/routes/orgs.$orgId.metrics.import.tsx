import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { CsvUploadForm, ImportReport } from "~/components/csv-import";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { METRIC_VALUES_HEADER } from "~/domain/csv-import";
import { importMetricValuesFile, listMetricViews } from "~/services/metrics.server";
import { readFormData, uploadedBytes } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const lang = detectLang(request);
  return {
    i18n: messagesFor(request, ["metrics"]),
    title: `${translate(lang, "metrics.import.title")} · ${organization.name}`,
    // The header comes as data: csv-import.ts needs Node's Buffer, so it must stay out of the browser's bundle.
    header: METRIC_VALUES_HEADER.join(","),
    metrics: (await listMetricViews(organization.id, lang)).map((m) => ({ id: m.id, column: m.key ?? m.name, name: m.name })),
  };
}

/** POST /orgs/:orgId/metrics/import: every row stored and 303, or 400 with every bad row and nothing stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const file = await uploadedBytes(await readFormData(request), "file");
  if (!file) return data({ problems: [{ row: 1, field: "file", message: "import.error.fileRequired" }], omitted: 0 }, { status: 400 });
  const result = await importMetricValuesFile(organization.id, file);
  if (!result.ok) return data({ problems: result.problems, omitted: result.omitted }, { status: 400 });
  return redirect(`/orgs/${organization.id}/metrics?imported=${result.count}`, 303);
}

export default function ImportMetricValues() {
  const { metrics, header } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t } = useI18n();
  return (
    <Page title={t("metrics.import.title")} lead={t("metrics.import.lead")} width="max-w-4xl">
      <div className="space-y-6">
        {result ? <ImportReport problems={result.problems} omitted={result.omitted} /> : null}
        <CsvUploadForm header={header} submit={t("metrics.import.submit")} invalid={Boolean(result)} />
        <section className="card space-y-2 p-6" aria-labelledby="columns-title">
          <h2 id="columns-title" className="text-lg font-bold">
            {t("metrics.import.columnsTitle")}
          </h2>
          <p className="text-ink-soft">{t("metrics.import.columnsHint")}</p>
          {metrics.length === 0 ? (
            <p>
              {t("metrics.import.noMetrics")}{" "}
              <Link to={`/orgs/${orgId}/metrics/new`} className="font-semibold">
                {t("metrics.add")}
              </Link>
            </p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {metrics.map((m) => (
                <li key={m.id}>
                  <code className="rounded bg-paper px-1">{m.column}</code> {m.column === m.name ? null : <span className="text-ink-soft">· {m.name}</span>}
                </li>
              ))}
            </ul>
          )}
          <pre tabIndex={0} className="mt-3 overflow-x-auto rounded-lg bg-paper p-3 text-sm">{`metric,date,value\n${metrics[0]?.column ?? "fcr"},2026-01-31,71.5\n${metrics[0]?.column ?? "fcr"},28/02/2026,"72,4"`}</pre>
        </section>
        <Link to={`/orgs/${orgId}/metrics`} className="inline-block font-semibold">
          ← {t("metrics.title")}
        </Link>
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
