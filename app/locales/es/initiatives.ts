import type en from "../en/initiatives";

/** Textos en español de las iniciativas y sus revisiones semestrales. Español neutro, de usted. */
export default {
  "initiative.error.titleRequired": "Dé un título a la iniciativa.",
  "initiative.error.descriptionRequired": "Describa en qué consiste la iniciativa.",
  "initiative.error.capabilitiesRequired": "Elija al menos una capacidad.",
  "initiative.error.capabilityUnknown": "Elija capacidades del modelo.",
  "initiative.error.ownerRequired": "Indique quién es responsable de la iniciativa.",
  "initiative.error.emailInvalid": "Introduzca un correo electrónico válido, o déjelo vacío.",
  "initiative.error.date": "Introduzca una fecha con el formato AAAA-MM-DD.",
  "initiative.error.targetBeforeStart": "La fecha objetivo no puede ser anterior a la fecha de inicio.",
  "initiative.error.metricUnknown": "Elija métricas de la lista.",
  "review.error.date": "Introduzca la fecha de la revisión con el formato AAAA-MM-DD.",
} satisfies Record<keyof typeof en, string>;
