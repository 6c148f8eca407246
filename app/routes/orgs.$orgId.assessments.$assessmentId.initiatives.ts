import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAssessment } from "~/models/assessment.server";
import { generateInitiatives } from "~/services/initiatives.server";
import { readFormData } from "~/utils/forms";
import { requireOrgAccess } from "~/utils/permissions.server";

/** Nothing to show here: the plan is the organization's initiatives page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  await requireAssessment(organization.id, params.assessmentId);
  return redirect(`/orgs/${organization.id}/initiatives`);
}

/** `intent=generate`: the library's proposals for every gap of this assessment; posting again adds none twice. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const form = await readFormData(request);
  if (form.get("intent") !== "generate") throw new Response("Unknown intent", { status: 400 });
  await generateInitiatives(organization, assessment, user.id);
  return redirect(`/orgs/${organization.id}/initiatives`, 303);
}
