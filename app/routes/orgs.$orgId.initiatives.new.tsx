import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { InitiativeForm } from "~/components/initiative-form";
import { Page } from "~/components/page";
import { INITIATIVE_REPEATED_FIELDS, INITIATIVE_STATUSES } from "~/domain/initiative.schema";
import { createInitiative } from "~/models/initiative.server";
import { getInitiativeSchema, initiativeFormChoices, newInitiativeValues } from "~/services/initiative-form.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const lang = detectLang(request);
  return {
    i18n: messagesFor(request, ["initiatives"]),
    title: `${translate(lang, "initiative.new.title")} · ${organization.name}`,
    ...initiativeFormChoices(lang),
    values: newInitiativeValues(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-initiatives");
  const form = parseForm(getInitiativeSchema(), await readFormData(request), INITIATIVE_REPEATED_FIELDS);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const id = await createInitiative(organization.id, form.data, user.id);
  return redirect(`/orgs/${organization.id}/initiatives/${id}`, 303);
}

/** A new initiative is part of the plan from the start: proposals come from generation. */
const NEW_STATUSES = INITIATIVE_STATUSES.filter((s) => s !== "proposed");

export default function NewInitiative() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgId } = useParams();
  const { t } = useI18n();
  return (
    <Page title={t("initiative.new.title")} lead={t("initiative.new.lead")} width="max-w-3xl">
      <Link to={`/orgs/${orgId}/initiatives`} className="mb-4 inline-block text-sm font-semibold">
        ← {t("initiatives.title")}
      </Link>
      <InitiativeForm
        categories={loaded.categories}
        metrics={loaded.metrics}
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        statuses={NEW_STATUSES}
        submitLabel={t("initiative.new.submit")}
      />
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
