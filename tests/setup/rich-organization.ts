/**
 * An organization with something in every table an organization owns: executives' quiz results,
 * a locked solo assessment and a locked workshop with participants, votes, comments and a
 * consensus with rationales, an open workshop, initiatives in several states with reviews and
 * history and the metric values a review recorded, catalog and custom metrics with values,
 * customer feedback and an initiative drafted from a comment, and the peer benchmark opted out of
 * (its default is in). Built through the models, as the app would. For the reports, the export and import, and the bench.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/connection.server";
import { makeMembership, makeOrganization, makeQuizResults, makeUser } from "./factories";
import { CATEGORY_KEYS } from "~/domain/capability-model";
import { createAssessment } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import { createFeedback } from "~/models/feedback.server";
import { addFeedbackDraft, createInitiative, updateInitiative } from "~/models/initiative.server";
import { createMetric, saveValues } from "~/models/metric.server";
import { setPeerBenchmark, type Organization } from "~/models/organization.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
import { saveReview } from "~/models/review.server";
import type { User } from "~/models/user.server";
import { catalogDirections } from "~/services/metrics.server";

export const RICH_KEYS: string[] = Object.values(CATEGORY_KEYS).flat();

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

export type RichOrganization = { organization: Organization; consultant: User & { password: string }; owner: User; workshopId: string; openWorkshopId: string };

export async function makeRichOrganization(
  options: { name?: string; participants?: number; consultant?: User & { password: string } } = {},
): Promise<RichOrganization> {
  const consultant = options.consultant ?? (await makeUser({ name: "Inés Peña" }));
  const organization = await makeOrganization(consultant.id, { name: options.name ?? "Compañía Andina de Señales", industry: "Telecomunicaciones", defaultLang: "es" });
  const owner = await makeUser({ name: "Óscar Núñez" });
  await makeMembership(organization.id, owner.id, "program-owner", consultant.id);
  await makeQuizResults(organization.id);

  // Cycle 1: solo, locked in January 2026.
  const first = await createAssessment({ organizationId: organization.id, name: "Diagnóstico 2025 S2", mode: "solo", createdBy: consultant.id });
  await saveConsensus(
    first.id,
    RICH_KEYS.map((capabilityKey, i) => ({ capabilityKey, current: 1 + (i % 2), ideal: 3 + (i % 2), importance: 2, rationale: "" })),
    true,
    at("2026-01-15").getTime(),
  );

  // Cycle 2: a workshop with votes and comments, locked in July 2026.
  const workshop = await createAssessment({ organizationId: organization.id, name: "Taller 2026 S1", mode: "workshop", createdBy: consultant.id });
  const people = options.participants ?? 6;
  const names = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fátima", "Gonzalo", "Hugo"];
  for (let p = 0; p < people; p++) {
    const { participant } = await joinWorkshop(workshop.id, `${names[p % names.length]} ${p + 1}`);
    await saveRatings(
      participant.id,
      workshop.id,
      RICH_KEYS.map((key, i) => ({
        capabilityKey: key,
        current: 1 + ((i + p * (i % 3 === 0 ? 2 : 0)) % 4),
        ideal: Math.min(4, 3 + ((i + p) % 2)),
        comment: p === 0 && i % 6 === 0 ? `Comentario sobre ${key}: ¿mejorará? ¡Sí, pronto!` : "",
      })),
    );
  }
  await saveConsensus(
    workshop.id,
    RICH_KEYS.map((capabilityKey, i) => ({
      capabilityKey,
      current: 1 + ((i + 1) % 3),
      ideal: Math.min(4, 3 + (i % 2)),
      importance: 1 + (i % 3),
      rationale: i % 4 === 0 ? `Acordado tras la discusión: la gestión de «${capabilityKey}» aún es reactiva.` : "",
    })),
    true,
    at("2026-07-10").getTime(),
  );
  const open = await createAssessment({ organizationId: organization.id, name: "Taller 2027 S1", mode: "workshop", createdBy: consultant.id });

  const base = { description: "Una iniciativa para cerrar la brecha, con responsables y fechas claras.", ownerEmail: null, effort: "M", staffing: "train" } as const;
  const billing = await createInitiative(
    organization.id,
    { ...base, title: "Facturación electrónica sin errores", capabilities: ["billing"], ownerName: "Óscar Núñez", start: "2026-02-01", target: "2027-01-31", status: "in-progress", priority: 1, metrics: ["csat", "fcr"] },
    consultant.id,
    at("2026-01-20"),
  );
  await createInitiative(
    organization.id,
    { ...base, title: "Estrategia centrada en el cliente", capabilities: ["customer-strategy", "customer-processes"], ownerName: "Inés Peña", start: "2026-09-01", target: "2027-06-30", status: "planned", priority: 2, metrics: ["nps"] },
    consultant.id,
    at("2026-07-15"),
  );
  const training = await createInitiative(
    organization.id,
    { ...base, title: "Formación en atención telefónica", capabilities: ["talent-training"], ownerName: "José Muñoz", start: "2026-01-10", target: "2026-10-31", status: "in-progress", priority: 3, metrics: [] },
    consultant.id,
    at("2026-01-05"),
  );
  // Metrics before the reviews, so a review records the linked metrics' latest values.
  const directions = catalogDirections();
  const plan = { cadence: "monthly", owner: null } as const;
  const csat = await createMetric(organization.id, { source: "catalogue", key: "csat", baseline: 72, target: 85, targetDate: "2027-06-30", ...plan }, directions);
  const custom = await createMetric(
    organization.id,
    { source: "custom", name: "Reclamaciones por mil pedidos", kind: "business", unit: "‰", direction: "lower", baseline: 14, target: 8, targetDate: "2027-03-31", ...plan },
    directions,
  );
  // An amount in the organization's currency, no values yet.
  const cost = await createMetric(organization.id, { source: "catalogue", key: "cost-per-call", currency: "€", baseline: 4.2, target: 3.5, targetDate: "2027-06-30", ...plan }, directions);
  if (!csat.ok || !custom.ok || !cost.ok) throw new Error("makeRichOrganization: a metric was refused");
  await saveValues([
    ...["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-09-30"].map((date, i) => ({ metricId: csat.metric.id, date, value: 72 + i * 2.5 })),
    ...["2026-02-28", "2026-05-31", "2026-08-31"].map((date, i) => ({ metricId: custom.metric.id, date, value: 14 - i * 1.5 })),
  ]);
  await saveReview(
    organization.id,
    billing,
    { date: "2026-08-01", stillValid: true, prioritiesChanged: false, environmentChanged: true, preferencesChanged: false, decision: "adjust", notes: "Ajustar el alcance: añadir la factura en papel." },
    owner.id,
    at("2026-08-01"),
  );
  await saveReview(
    organization.id,
    training,
    { date: "2026-07-20", stillValid: true, prioritiesChanged: false, environmentChanged: false, preferencesChanged: false, decision: "complete", notes: "Objetivo cumplido." },
    owner.id,
    at("2026-07-20"),
  );
  await updateInitiative(
    organization.id,
    billing,
    { ...base, title: "Facturación electrónica sin errores", capabilities: ["billing", "data-management"], ownerName: "Óscar Núñez", start: "2026-02-01", target: "2027-01-31", status: "in-progress", priority: 1, metrics: ["csat", "fcr"] },
    consultant.id,
    at("2026-08-02"),
  );

  await createFeedback(organization.id, [
    { date: "2026-08-05", sentiment: "negative", channel: "phone", capability: "billing", text: "La factura llegó duplicada y nadie supo explicármelo." },
    { date: "2026-08-12", sentiment: "positive", channel: "chat", capability: null, text: "¡Resolvieron mi problema en un solo contacto!" },
    { date: "2026-03-01", sentiment: "positive", channel: "email", capability: "service-delivery", text: "Entrega puntual, gracias." },
  ]);
  const { orm, t } = getDb();
  const [duplicated] = await orm.select({ id: t.feedback.id }).from(t.feedback).where(and(eq(t.feedback.organizationId, organization.id), eq(t.feedback.date, "2026-08-05")));
  await addFeedbackDraft(
    organization.id,
    duplicated!.id,
    () => ({ title: "Corregir las facturas duplicadas", description: "A partir del comentario de un cliente por teléfono.", capabilityKey: "billing", priority: 2, effort: "M", staffing: "none", metrics: ["csat"] }),
    consultant.id,
    at("2026-08-06"),
  );
  await setPeerBenchmark(organization.id, false);
  return { organization, consultant, owner, workshopId: workshop.id, openWorkshopId: open.id };
}
