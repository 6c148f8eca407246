import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Page } from "~/components/page";
import { CalendarFeedPanel } from "~/components/reminder-settings";
import { calendarFeedUrl } from "~/services/calendar-feed.server";
import { readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { publicBaseUrl } from "~/utils/request.server";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

/** The user's own page: their calendar feed across every organization they belong to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = detectLang(request);
  return {
    i18n: messagesFor(request, ["organizations"]),
    title: `${translate(lang, "account.title")} · Madura`,
    name: user.name,
    email: user.email,
    calendarUrl: await calendarFeedUrl({ userId: user.id }, lang, publicBaseUrl(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "new-calendar-url") return data({ renewed: false }, { status: 400 });
  await calendarFeedUrl({ userId: user.id }, detectLang(request), publicBaseUrl(request), true);
  return data({ renewed: true });
}

export default function Account() {
  const { name, email, calendarUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <Page title={t("account.title")} lead={t("account.lead", { name, email })} width="max-w-3xl">
      <CalendarFeedPanel url={calendarUrl} scope="user" renewed={Boolean(result?.renewed)} />
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
