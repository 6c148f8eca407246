/**
 * The demo client's program, after its accounts (demo-data.server.ts): two assessment cycles, a
 * plan generated from the latest one with work under way and reviews held, four metrics with a
 * year of values, and customer comments. Like the accounts, each step finds what an earlier run
 * made and skips it, and everything goes through the app's models and services.
 *
 * Dates are laid out around the day the seed runs, so the demo always has a review overdue, one
 * due within days, a reassessment ahead and a year of values up to last month.
 */
import type { ConsensusInput, RatingInput } from "~/domain/assessment.schema";
import { addDaysToDate, addMonthsToDate, toIsoDate, type IsoDate } from "~/domain/dates";
import type { InitiativeInput, InitiativeStatus } from "~/domain/initiative.schema";
import type { FeedbackInput } from "~/domain/metric.schema";
import type { MetricKey } from "~/domain/metric-keys";
import { createAssessment, listAssessments } from "~/models/assessment.server";
import { saveConsensus } from "~/models/consensus.server";
import { createFeedback, listFeedback } from "~/models/feedback.server";
import { acceptProposals, listInitiatives, updateInitiative, type Initiative } from "~/models/initiative.server";
import { listMetricsWithValues, saveValues } from "~/models/metric.server";
import { joinWorkshop } from "~/models/participant.server";
import { saveRatings } from "~/models/rating.server";
import { saveReview } from "~/models/review.server";
import { acceptDates, generateInitiatives } from "~/services/initiatives.server";
import { addMetric } from "~/services/metrics.server";
import { getCapabilityKeys } from "~/utils/content.server";
import type { SeedContext } from "./demo-data.server";

const DAY = 24 * 60 * 60 * 1000;

/** Where the client stands on each capability, in the model's order: a level from 1 to 4. */
function consensusFor(keys: readonly string[], cycle: "previous" | "current"): ConsensusInput[] {
  return keys.map((capabilityKey, i) => {
    const current = Math.min(3, 1 + ((i * 7) % 3) + (cycle === "current" && i % 4 === 0 ? 1 : 0));
    const ideal = Math.min(4, current + 1 + (i % 2));
    return { capabilityKey, current, ideal, importance: 1 + ((i * 5) % 3), rationale: RATIONALES[capabilityKey] ?? "" };
  });
}

/** A few of the facilitator's notes, in the client's language (Spanish), as a workshop leaves them. */
const RATIONALES: Record<string, string> = {
  "business-intelligence": "Los informes existen, pero cada área calcula los indicadores a su manera.",
  "customer-strategy": "La estrategia está escrita; pocas personas fuera de la dirección la conocen.",
  billing: "Las correcciones de facturas pasan por tres equipos y nadie es responsable del resultado.",
};

const PARTICIPANTS = ["Lucía Fernández", "Marco Ibáñez", "Ana María Ñúñez", "Tomás Quiroga", "Valentina Ríos", "Jorge Salas"];

/**
 * A participant's vote around the consensus, different for each person: on a third of the
 * capabilities the room agrees, on a third it splits by a level either way, on the rest by two
 * (so "disagreement first" has something to sort). The six people's shifts balance out, so the
 * agreed level is the room's middle; a few also aim a level lower than agreed.
 */
function votesFor(consensus: readonly ConsensusInput[], person: number): RatingInput[] {
  return consensus.map((entry, i) => {
    const spread = i % 3;
    const shift = (((i + person) % 3) - 1) * spread;
    const current = Math.max(1, Math.min(4, entry.current + shift));
    const ideal = Math.max(current, Math.min(4, entry.ideal - ((i * 2 + person) % 4 === 0 ? 1 : 0)));
    return { capabilityKey: entry.capabilityKey, current, ideal, comment: "" };
  });
}

/** Last cycle's solo assessment and this cycle's workshop, both locked. */
async function seedAssessments({ organization, people, created }: SeedContext): Promise<void> {
  if ((await listAssessments(organization.id)).length > 0) return;
  const keys = getCapabilityKeys();
  const now = Date.now();

  const previous = await createAssessment({ organizationId: organization.id, name: "Diagnóstico inicial", mode: "solo", createdBy: people.consultant.id });
  await saveConsensus(previous.id, consensusFor(keys, "previous"), true, now - 200 * DAY);

  const current = await createAssessment({ organizationId: organization.id, name: "Taller de capacidades", mode: "workshop", createdBy: people.consultant.id });
  const consensus = consensusFor(keys, "current");
  for (const [person, name] of PARTICIPANTS.entries()) {
    const { participant } = await joinWorkshop(current.id, name);
    await saveRatings(participant.id, current.id, votesFor(consensus, person), now - 22 * DAY);
  }
  await saveConsensus(current.id, consensus, true, now - 21 * DAY);
  created.push(`2 locked assessments in "${organization.name}" (the latest a workshop with ${PARTICIPANTS.length} participants)`);
}

function asInput(initiative: Initiative, changes: Partial<InitiativeInput>): InitiativeInput {
  return {
    title: initiative.title,
    description: initiative.description,
    capabilities: initiative.capabilities,
    ownerName: initiative.ownerName,
    ownerEmail: initiative.ownerEmail,
    start: initiative.start ?? "",
    target: initiative.target ?? "",
    status: initiative.status,
    priority: initiative.priority,
    effort: initiative.effort,
    staffing: initiative.staffing,
    metrics: initiative.metrics,
    ...changes,
  };
}

/** How the first accepted initiatives have moved on: months since they started, and their reviews. */
const UNDER_WAY: { startMonthsAgo: number; startDaysAgo?: number; owner: [string, string | null]; status: InitiativeStatus; reviews: { monthsAgo: number; decision: "continue" | "adjust" | "complete" }[] }[] = [
  { startMonthsAgo: 9, owner: ["Demo Program Owner", "owner@madura.example"], status: "in-progress", reviews: [{ monthsAgo: 3, decision: "adjust" }] },
  { startMonthsAgo: 7, owner: ["Carla Mendoza", "carla.mendoza@andes.example"], status: "in-progress", reviews: [] },
  { startMonthsAgo: 6, startDaysAgo: -10, owner: ["Demo Program Owner", "owner@madura.example"], status: "in-progress", reviews: [] },
  { startMonthsAgo: 8, owner: ["Pablo Herrera", null], status: "in-progress", reviews: [{ monthsAgo: 1, decision: "complete" }] },
  { startMonthsAgo: 2, owner: ["Carla Mendoza", "carla.mendoza@andes.example"], status: "in-progress", reviews: [] },
];

/**
 * Generates the plan from the latest assessment, accepts the ten most pressing proposals, and
 * moves the first five on in time: one reviewed and adjusted, one overdue for review, one due in
 * ten days, one completed at its review, one just started. The rest stay proposals to triage.
 */
async function seedPlan({ organization, people, created }: SeedContext): Promise<void> {
  if ((await listInitiatives(organization.id)).length > 0) return;
  const assessment = (await listAssessments(organization.id)).find((a) => a.mode === "workshop" && a.status === "locked");
  if (!assessment) return;
  const proposed = await generateInitiatives(organization, assessment, people.consultant.id);
  const today = toIsoDate(new Date());
  const ranked = await listInitiatives(organization.id);
  const accepted = ranked.slice(0, 10);
  await acceptProposals(organization.id, accepted.map((i) => i.id), acceptDates(today), people.owner.id);

  const byId = new Map((await listInitiatives(organization.id)).map((i) => [i.id, i]));
  for (const [n, plan] of UNDER_WAY.entries()) {
    const initiative = byId.get(accepted[n]!.id)!;
    const start = addDaysToDate(addMonthsToDate(today, -plan.startMonthsAgo), -(plan.startDaysAgo ?? 0));
    const months = Math.max(6, plan.startMonthsAgo + 4);
    await updateInitiative(
      organization.id,
      initiative.id,
      asInput(initiative, { start, target: addMonthsToDate(start, months), status: plan.status, ownerName: plan.owner[0], ownerEmail: plan.owner[1] }),
      people.owner.id,
    );
    for (const review of plan.reviews) {
      await saveReview(
        organization.id,
        initiative.id,
        {
          date: addMonthsToDate(today, -review.monthsAgo),
          stillValid: true,
          prioritiesChanged: false,
          environmentChanged: review.decision === "adjust",
          preferencesChanged: false,
          decision: review.decision,
          notes: review.decision === "adjust" ? "Un competidor lanzó autoservicio en la app: adelantamos la parte digital." : "Objetivo cumplido; el equipo pasa a mantenerlo en su día a día.",
        },
        people.owner.id,
      );
    }
  }
  created.push(`${proposed} initiatives generated in "${organization.name}": ${accepted.length} accepted, ${UNDER_WAY.length} under way with reviews due, overdue and held`);
}

/** Four catalogue metrics with twelve monthly values each, moving towards (not always reaching) their targets. */
const METRICS: { key: MetricKey; baseline: number; target: number; values: (month: number) => number }[] = [
  { key: "fcr", baseline: 64, target: 75, values: (m) => 64 + m * 0.7 + ((m * 5) % 3) * 0.4 },
  { key: "csat", baseline: 72, target: 80, values: (m) => 72 + m * 0.45 - ((m * 7) % 4) * 0.3 },
  { key: "nps", baseline: 8, target: 25, values: (m) => 8 + m * 0.9 + ((m * 3) % 5) - 2 },
  { key: "cost-per-call", baseline: 6.8, target: 5.5, values: (m) => 6.8 - m * 0.06 + ((m * 5) % 3) * 0.05 },
];

async function seedMetrics({ organization, created }: SeedContext): Promise<void> {
  if ((await listMetricsWithValues(organization.id)).length > 0) return;
  const today = toIsoDate(new Date());
  const firstOfMonth = `${today.slice(0, 8)}01` as IsoDate;
  const rows = [];
  for (const metric of METRICS) {
    const result = await addMetric(organization.id, {
      source: "catalogue",
      key: metric.key,
      currency: "USD",
      baseline: metric.baseline,
      target: metric.target,
      targetDate: addMonthsToDate(firstOfMonth, 12),
      cadence: "monthly",
      owner: "Demo Program Owner",
    });
    if (!result.ok) throw new Error(`The demo metric ${metric.key} could not be created.`);
    for (let month = 0; month < 12; month++) {
      // The last day of each of the twelve months before this one.
      const date = addDaysToDate(addMonthsToDate(firstOfMonth, month - 11), -1);
      rows.push({ metricId: result.metric.id, date, value: Math.round(metric.values(month) * 100) / 100 });
    }
  }
  await saveValues(rows);
  created.push(`${METRICS.length} metrics with ${rows.length} monthly values in "${organization.name}"`);
}

const COMMENTS: Omit<FeedbackInput, "date">[] = [
  { sentiment: "negative", channel: "phone", capability: "billing", text: "Llamé tres veces para corregir un cobro duplicado y cada vez tuve que explicarlo desde el principio." },
  { sentiment: "negative", channel: "email", capability: "billing", text: "La factura no coincide con el pedido y nadie responde al correo." },
  { sentiment: "positive", channel: "branch", capability: null, text: "En la tienda me ayudaron a cambiar el producto sin pedirme el ticket." },
  { sentiment: "negative", channel: "chat", capability: "customer-strategy", text: "El chat me derivó a la tienda y en la tienda me mandaron al chat." },
  { sentiment: "positive", channel: "survey", capability: null, text: "La entrega llegó un día antes de lo prometido." },
  { sentiment: "negative", channel: "social", capability: null, text: "Publican ofertas en redes que luego no valen en la web." },
  { sentiment: "positive", channel: "phone", capability: "billing", text: "La agente resolvió el error de la factura en la misma llamada." },
  { sentiment: "negative", channel: "web", capability: "business-intelligence", text: "Me siguen enviando recomendaciones de productos que ya devolví." },
];

async function seedFeedback({ organization, created }: SeedContext): Promise<void> {
  if ((await listFeedback(organization.id, {}, 1)).length > 0) return;
  const today = toIsoDate(new Date());
  const entries = COMMENTS.map((comment, i) => ({ ...comment, date: addDaysToDate(today, -(4 + i * 9)) }));
  await createFeedback(organization.id, entries);
  created.push(`${entries.length} customer comments in "${organization.name}"`);
}

export const CYCLE_STEPS = [seedAssessments, seedPlan, seedMetrics, seedFeedback];
