import type { ImportProblem } from "~/domain/csv-import";
import { isMessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";
import { DataTable } from "./data-table";
import { FormMessage } from "./forms";
import { UploadForm } from "./upload-form";

/** The upload form of a CSV import, naming the header the file must start with. */
export function CsvUploadForm({ header, submit, invalid }: { header: string; submit: string; invalid: boolean }) {
  const { t } = useI18n();
  return <UploadForm label={t("import.field.file")} hint={t("import.field.fileHint", { header })} accept=".csv,text/csv,text/plain" submit={submit} invalid={invalid} />;
}

/** Every bad row of a refused file, and why, in the reader's language; nothing was stored. */
export function ImportReport({ problems, omitted }: { problems: ImportProblem[]; omitted: number }) {
  const { t } = useI18n();
  const say = (p: ImportProblem) => (isMessageKey(p.message) ? t(p.message, p.params) : p.message);
  return (
    <section aria-labelledby="import-report-title" className="space-y-3" data-testid="import-report">
      <FormMessage tone="error">
        <span id="import-report-title">{t("import.report.title", { count: problems.length + omitted })}</span>
      </FormMessage>
      <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={t("import.report.caption")}>
        <DataTable
          caption={t("import.report.caption")}
          captionClassName="sr-only"
          rows={problems}
          rowKey={(p) => `${p.row}:${p.field}`}
          rowProps={(p) => ({ "data-row": p.row })}
          columns={[
            { key: "row", header: t("import.report.row"), cell: (p) => p.row, align: "end", rowHeader: true, className: "tabular-nums", width: "w-14" },
            { key: "field", header: t("import.report.column"), cell: (p) => <code>{p.field}</code>, width: "w-24" },
            { key: "problem", header: t("import.report.problem"), cell: say },
          ]}
        />
      </div>
      {omitted > 0 ? <p className="text-ink-soft">{t("import.report.omitted", { count: omitted })}</p> : null}
    </section>
  );
}
