// Every dictionary, for the server only: loaders, actions and meta translate with `translate`, and
// hand a page the strings it renders with `messagesFor`. The `.server` suffix makes the build
// refuse any client import of this module, and with it of app/locales.
import enAuth from "~/locales/en/auth";
import enCommon from "~/locales/en/common";
import enGaps from "~/locales/en/gaps";
import enHome from "~/locales/en/home";
import enInitiatives from "~/locales/en/initiatives";
import enMetrics from "~/locales/en/metrics";
import enOrganizations from "~/locales/en/organizations";
import enQuiz from "~/locales/en/quiz";
import enReminders from "~/locales/en/reminders";
import enReports from "~/locales/en/reports";
import enRoadmap from "~/locales/en/roadmap";
import enWorkshop from "~/locales/en/workshop";
import esAuth from "~/locales/es/auth";
import esCommon from "~/locales/es/common";
import esGaps from "~/locales/es/gaps";
import esHome from "~/locales/es/home";
import esInitiatives from "~/locales/es/initiatives";
import esMetrics from "~/locales/es/metrics";
import esOrganizations from "~/locales/es/organizations";
import esQuiz from "~/locales/es/quiz";
import esReminders from "~/locales/es/reminders";
import esReports from "~/locales/es/reports";
import esRoadmap from "~/locales/es/roadmap";
import esWorkshop from "~/locales/es/workshop";
import {
  createTranslator,
  detectLang,
  type Catalog,
  type ClientNamespace,
  type Lang,
  type MessageKey,
  type Messages,
  type Namespace,
  type ParamsFor,
  type ServerNamespace,
  type Translator,
} from "./i18n";

type Dictionary = { [N in Namespace]: Record<keyof Catalog[N], string> };

export const catalogs: Record<Lang, Dictionary> = {
  en: { common: enCommon, home: enHome, quiz: enQuiz, auth: enAuth, organizations: enOrganizations, workshop: enWorkshop, gaps: enGaps, initiatives: enInitiatives, metrics: enMetrics, roadmap: enRoadmap, reminders: enReminders, reports: enReports },
  es: { common: esCommon, home: esHome, quiz: esQuiz, auth: esAuth, organizations: esOrganizations, workshop: esWorkshop, gaps: esGaps, initiatives: esInitiatives, metrics: esMetrics, roadmap: esRoadmap, reminders: esReminders, reports: esReports },
};

export const NAMESPACES = Object.keys(catalogs.en) as Namespace[];

const everything: Record<Lang, Messages> = {
  en: Object.assign({}, ...Object.values(catalogs.en)) as Messages,
  es: Object.assign({}, ...Object.values(catalogs.es)) as Messages,
};

const translators = {
  en: createTranslator("en", (key) => everything.en[key]),
  es: createTranslator("es", (key) => everything.es[key]),
} satisfies Record<Lang, Translator>;

/** A translator over every namespace, for loaders, actions and meta. */
export function translatorFor(lang: Lang): Translator {
  return translators[lang];
}

export function translate<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsFor<K>): string {
  return translators[lang](key, ...params);
}

/** Whether a key (a plural key without its suffix counts) is in the dictionary. */
export function hasMessage(key: string): key is MessageKey {
  return key in everything.en || `${key}_other` in everything.en;
}

const bundles = new Map<string, Messages>();

/**
 * The strings a page renders: its namespaces in one language. Route loaders return this as
 * `i18n` (the root loader sends `common`); `useI18n` reads it from every matched route's data.
 */
export function messagesFor(langOrRequest: Lang | Request, namespaces: readonly ClientNamespace[]): Messages {
  const lang = typeof langOrRequest === "string" ? langOrRequest : detectLang(langOrRequest);
  const id = `${lang}:${namespaces.join()}`;
  let bundle = bundles.get(id);
  if (!bundle) {
    bundle = Object.freeze(Object.assign({}, ...namespaces.map((namespace) => catalogs[lang][namespace])) as Messages);
    bundles.set(id, bundle);
  }
  return bundle;
}

/** A server-only namespace's strings in one language, for a renderer that runs apart (a PDF worker). */
export function serverMessages(lang: Lang, namespace: ServerNamespace): Messages {
  return catalogs[lang][namespace];
}
