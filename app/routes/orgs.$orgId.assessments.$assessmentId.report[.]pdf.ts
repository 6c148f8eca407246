import type { LoaderFunctionArgs } from "@remix-run/node";
import { slug } from "~/integrations/csv.server";
import { pdfResponse } from "~/integrations/pdf.server";
import { requireAssessment } from "~/models/assessment.server";
import { renderWorkshopReport } from "~/services/reports.server";
import { isLang } from "~/utils/i18n";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

/** The workshop report of one assessment, in the organization's language unless `?lng=` asks for the other. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const asked = new URL(request.url).searchParams.get("lng");
  const lang = isLang(asked) ? asked : organization.defaultLang;
  const bytes = await renderWorkshopReport(organization, assessment, lang);
  return pdfResponse(bytes, `${lang === "es" ? "informe-taller" : "workshop-report"}-${slug(assessment.name)}.pdf`);
}

export const action = orgRouteWithoutPosts;
