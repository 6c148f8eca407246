import type en from "../en/quiz";

/** Spanish strings for the maturity quiz and its result page: neutral Spanish, addressing the user as «usted». */
export default {
  "quiz.title": "Cuestionario de madurez CEM",
  "quiz.lead": "Elija la respuesta que mejor describe cómo actúa hoy su organización, no cómo debería actuar. No hay respuestas incorrectas.",
  "quiz.progress": "Pregunta {n} de {total}",
  "quiz.submit": "Ver mi resultado",
  "quiz.errorSummary": "Responda todas las preguntas antes de continuar.",
  "quiz.error.required": "Elija una respuesta para esta pregunta.",
  "quiz.error.invalid": "Esa respuesta no está entre las opciones. Elija una de las respuestas que se muestran.",

  "result.title": "Su resultado de madurez",
  "result.scoreLabel": "Puntuación",
  "result.gaugeLabel": "Puntuación de {score} en una escala de {min} a {max}",
  "result.bandRange": "De {min} a {max} puntos",
  "result.answers": "Sus respuestas",
  "result.answersLead": "Para cada pregunta, dónde se sitúa su respuesta y cómo es la respuesta más madura.",
  "result.yourAnswer": "Su respuesta",
  "result.bestAnswer": "Respuesta más madura",
  "result.alreadyBest": "Eligió la respuesta más madura.",
  "result.points": "{points} de {max} puntos",
  "result.nextLevel": "Cómo es el siguiente nivel",
  "result.challenges": "Cinco desafíos para centrarse en el cliente",
  "result.share": "Compartir este resultado",
  "result.shareHint": "Cualquier persona con este enlace puede ver el resultado. No muestra quién respondió.",
  "result.shareLinkLabel": "Enlace a este resultado",
  "result.retake": "Responder de nuevo",
  "result.takenOn": "Respondido el {date}",
  "result.assessmentCta": "Planificar una evaluación de capacidades",

  "quiz.inviteBanner": "Sus respuestas se sumarán a los resultados de {org}. No se registra su nombre.",
  "quiz.inviteInvalid": "Este enlace al cuestionario ya no está activo, así que su resultado no se sumará a ninguna organización. Aun así, puede responderlo.",
} satisfies Record<keyof typeof en, string>;
