/**
 * Taking an organization to another install: the export (everything it owns, see
 * app/domain/organization-export.schema.ts) and the import of such a file into a new organization.
 * A file that is not an export, of another version, or with any invalid row stores nothing and
 * says why.
 */
import { ExportEnvelopeSchema, EXPORT_VERSION, OrganizationExportSchema } from "~/domain/organization-export.schema";
import { insertOrganizationImport, readOrganizationExport } from "~/models/organization-transfer.server";

export async function exportOrganization(organizationId: string, now = new Date()): Promise<string | null> {
  const data = await readOrganizationExport(organizationId, now);
  return data ? `${JSON.stringify(data, null, 2)}\n` : null;
}

export type ImportFailure = { reason: string; params?: Record<string, string | number>; path?: string };
export type ImportResult = { ok: true; organizationId: string } | ({ ok: false } & ImportFailure);

/** The first problem zod found, as a message key and where in the file it is (`assessments.0.name`). */
function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ImportFailure {
  const issue = issues[0]!;
  const path = issue.path.map(String).join(".");
  return issue.message.startsWith("orgImport.") || issue.message.startsWith("form.")
    ? { reason: issue.message, path }
    : { reason: "orgImport.error.invalid", params: { detail: issue.message }, path };
}

export async function importOrganizationFile(file: Uint8Array, userId: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(file));
  } catch {
    return { ok: false, reason: "orgImport.error.notJson" };
  }
  const envelope = ExportEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: "orgImport.error.foreign" };
  if (envelope.data.version !== EXPORT_VERSION) return { ok: false, reason: "orgImport.error.version", params: { version: envelope.data.version } };
  const parsed = OrganizationExportSchema.safeParse(json);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error.issues) };
  const organizationId = await insertOrganizationImport(parsed.data, userId);
  return organizationId === "duplicate" ? { ok: false, reason: "orgImport.error.duplicate" } : { ok: true, organizationId };
}
