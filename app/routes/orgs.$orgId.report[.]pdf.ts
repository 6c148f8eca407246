import type { LoaderFunctionArgs } from "@remix-run/node";
import { slug } from "~/integrations/csv.server";
import { pdfResponse } from "~/integrations/pdf.server";
import { renderExecutiveReport } from "~/services/reports.server";
import { isLang } from "~/utils/i18n";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

/** The executive report, in the organization's language unless `?lng=` asks for the other. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const asked = new URL(request.url).searchParams.get("lng");
  const lang = isLang(asked) ? asked : organization.defaultLang;
  const bytes = await renderExecutiveReport(organization, lang);
  return pdfResponse(bytes, `${lang === "es" ? "informe-ejecutivo" : "executive-report"}-${slug(organization.name)}.pdf`);
}

export const action = orgRouteWithoutPosts;
