import type en from "../en/reminders";

/**
 * Textos que solo el servidor escribe: los calendarios suscritos y los correos de recordatorio.
 * Español neutro, de usted.
 */
export default {
  "feed.description.organization": "Revisiones, fechas objetivo de las iniciativas y la próxima reevaluación de {name}.",
  "feed.description.user": "Revisiones, fechas objetivo de las iniciativas y reevaluaciones de sus organizaciones.",
  "feed.review.summary": "Revisión: {title}",
  "feed.review.description": "{organization}: toca la revisión semestral de la iniciativa «{title}».",
  "feed.target.summary": "Fecha objetivo: {title}",
  "feed.target.description": "{organization}: la iniciativa «{title}» debería estar terminada.",
  "feed.reassessment.summary": "Reevaluación: {organization}",
  "feed.reassessment.description": "Seis meses después de la última evaluación cerrada, a {organization} le corresponde una nueva evaluación de capacidades.",

  "email.reviewBefore.subject_one": "Revisión prevista para mañana: {title}",
  "email.reviewBefore.subject_other": "Revisión prevista dentro de {count} días: {title}",
  "email.reviewDue.subject": "Revisión prevista para hoy: {title}",
  "email.review.intro": "La revisión semestral de una iniciativa de {organization} está prevista para el {date}:",
  "email.review.ask": "La revisión pregunta si la iniciativa sigue siendo válida, si cambiaron las prioridades, el entorno del negocio o las preferencias de los clientes, y qué hacer a continuación.",
  "email.review.action": "Registrar la revisión",
  "email.digest.subject_one": "Pendiente esta semana: {count} asunto vencido",
  "email.digest.subject_other": "Pendiente esta semana: {count} asuntos vencidos",
  "email.digest.intro": "Estos asuntos de sus organizaciones están vencidos:",
  "email.digest.item.review": "{organization}: revisión de «{title}», prevista para el {date}",
  "email.digest.item.target": "{organization}: fecha objetivo de «{title}», el {date}",
  "email.digest.item.reassessment": "{organization}: reevaluación, prevista para el {date}",
  "email.digest.action": "Ver su semana",
  "email.footer.why": "Recibe este correo porque es responsable de una iniciativa, o consultor o responsable de programa, en una organización de Madura.",
  "email.footer.optOut": "Dejar de recibir estos correos: {url}",
  "email.footer.optOutLink": "Dejar de recibir estos correos",
  "email.invite.subject": "{inviter} le invita a {organization} en Madura",
  "email.invite.intro": "{inviter} le invita a unirse a {organization} en Madura como {role}.",
  "email.invite.action": "Aceptar la invitación",
  "email.invite.expires": "El enlace funciona hasta el {date}.",
  "email.invite.ignore": "Si no esperaba esta invitación, puede ignorar este correo.",
  "email.role.consultant": "consultor",
  "email.role.program-owner": "responsable de programa",
  "email.role.viewer": "lector",
} satisfies Record<keyof typeof en, string>;
