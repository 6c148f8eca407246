import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { OrganizationFields } from "~/components/organization-fields";
import { Page } from "~/components/page";
import { OrganizationSchema } from "~/domain/account.schema";
import { createOrganization } from "~/models/organization.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { title: `${translate(detectLang(request), "orgs.new.title")} · Madura`, i18n: messagesFor(request, ["organizations"]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(OrganizationSchema, await readFormData(request));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const organization = await createOrganization(form.data, user.id);
  return redirect(`/orgs/${organization.id}`, 303);
}

export default function NewOrganization() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const form = useValidatedForm(OrganizationSchema, result?.errors);
  return (
    <Page title={t("orgs.new.title")} lead={t("orgs.new.lead")} width="max-w-xl">
      <Form method="post" className="card space-y-5 p-6" {...form.formProps}>
        <OrganizationFields values={result?.values} field={form.field} />
        <button type="submit" className="btn btn-primary">
          {t("orgs.new.submit")}
        </button>
      </Form>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
