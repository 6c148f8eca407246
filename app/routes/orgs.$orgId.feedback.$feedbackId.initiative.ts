import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { turnFeedbackIntoInitiative } from "~/services/feedback.server";
import { readFormData } from "~/utils/forms";
import { requireOrgAccess } from "~/utils/permissions.server";

/** Nothing to show here: the comments are on the feedback page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  return redirect(`/orgs/${organization.id}/feedback`);
}

/**
 * POST /orgs/:orgId/feedback/:feedbackId/initiative: "turn into an initiative". A negative comment
 * drafts a corrective initiative, a positive one a "repeat it at scale" one, as a proposal linked to
 * the comment → 303 to the initiative, to accept or edit it there. Posting again opens the same one.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  await readFormData(request);
  const drafted = params.feedbackId ? await turnFeedbackIntoInitiative(organization, params.feedbackId, user.id) : null;
  if (!drafted) throw new Response("Not found", { status: 404 });
  return redirect(`/orgs/${organization.id}/initiatives/${drafted.id}`, 303);
}
