import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { CsvUploadForm, ImportReport } from "~/components/csv-import";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { FEEDBACK_CHANNELS, FEEDBACK_SENTIMENTS } from "~/domain/metric.schema";
import { FEEDBACK_HEADER } from "~/domain/csv-import";
import { importFeedbackFile } from "~/services/metrics.server";
import { readFormData, uploadedBytes } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  return {
    i18n: messagesFor(request, ["metrics"]),
    title: `${translate(detectLang(request), "feedback.import.title")} · ${organization.name}`,
    // The header comes as data: csv-import.ts needs Node's Buffer, so it must stay out of the browser's bundle.
    header: FEEDBACK_HEADER.join(","),
  };
}

/** POST /orgs/:orgId/feedback/import: every comment stored and 303, or 400 with every bad row and nothing stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const file = await uploadedBytes(await readFormData(request), "file");
  if (!file) return data({ problems: [{ row: 1, field: "file", message: "import.error.fileRequired" }], omitted: 0 }, { status: 400 });
  const result = await importFeedbackFile(organization.id, file);
  if (!result.ok) return data({ problems: result.problems, omitted: result.omitted }, { status: 400 });
  return redirect(`/orgs/${organization.id}/feedback?imported=${result.count}`, 303);
}

export default function ImportFeedback() {
  const { header } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t } = useI18n();
  return (
    <Page title={t("feedback.import.title")} lead={t("feedback.import.lead")} width="max-w-4xl">
      <div className="space-y-6">
        {result ? <ImportReport problems={result.problems} omitted={result.omitted} /> : null}
        <CsvUploadForm header={header} submit={t("feedback.import.submit")} invalid={Boolean(result)} />
        <section className="card space-y-2 p-6" aria-labelledby="columns-title">
          <h2 id="columns-title" className="text-lg font-bold">
            {t("feedback.import.columnsTitle")}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-ink-soft">
            <li>{t("feedback.import.sentiments", { values: FEEDBACK_SENTIMENTS.join(", ") })}</li>
            <li>{t("feedback.import.channels", { values: FEEDBACK_CHANNELS.join(", ") })}</li>
            <li>{t("feedback.import.capability")}</li>
          </ul>
          <pre tabIndex={0} className="mt-3 overflow-x-auto rounded-lg bg-paper p-3 text-sm">{`date,sentiment,channel,capability,text\n2026-11-02,negative,phone,billing,"Three calls to fix one invoice"\n03/11/2026,positive,chat,,Quick and friendly`}</pre>
        </section>
        <Link to={`/orgs/${orgId}/feedback`} className="inline-block font-semibold">
          {t("feedback.back")}
        </Link>
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
