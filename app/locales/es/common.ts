import type en from "../en/common";

/**
 * Textos en español del marco de la aplicación (cabecera, pie, formularios, errores, botones de
 * copiar) y de los pocos términos que comparten varias funciones. Español neutro, de usted.
 */
export default {
  "app.name": "Madura",
  "app.tagline": "Madurez de la experiencia del cliente",
  "nav.skip": "Ir al contenido",
  "nav.home": "Inicio de Madura",
  "nav.main": "Principal",
  "nav.quiz": "Cuestionario de madurez",
  "nav.orgs": "Organizaciones",
  "nav.signIn": "Iniciar sesión",
  "nav.signOut": "Cerrar sesión",
  "nav.account": "Sesión iniciada como {name}",
  "nav.switchTo": "English",
  "nav.switchToLabel": "View in English",
  "footer.text": "Madura es software de código abierto para medir y mejorar la madurez de la experiencia del cliente.",

  "copy.button": "Copiar enlace",
  "copy.done": "Enlace copiado",

  "form.error.bot": "No se pudo aceptar este formulario. Inténtelo de nuevo.",
  "form.error.tooLong": "El texto es demasiado largo.",
  "form.error.invalidChoice": "Elija una de las opciones.",
  "form.error.invalidText": "No se pudo leer este campo. Escríbalo de nuevo.",
  "form.errorSummary": "Corrija los campos señalados más abajo.",
  "form.save": "Guardar cambios",
  "form.saved": "Cambios guardados.",
  "form.cancel": "Cancelar",
  "form.optional": "opcional",

  "term.capability": "Capacidad",
  "term.current": "Actual",
  "term.target": "Objetivo",
  "term.importance": "Importancia",
  "term.to": "a",

  "error.notFound.title": "Página no encontrada",
  "error.notFound.text": "No encontramos esa página. Puede que el enlace sea incorrecto o que lo que mostraba se haya eliminado.",
  "error.server.title": "Algo salió mal",
  "error.server.text": "Un error inesperado detuvo esta página. Nada de lo que escribió quedó guardado a medias; inténtelo de nuevo.",
  "error.other.title": "No se pudo completar la solicitud",
  "error.backHome": "Volver al inicio",
  "error.badRequest.title": "No pudimos leer la solicitud",
  "error.badRequest.text": "Falta algún dato o alguno no es válido. Vuelva atrás, revise el formulario y envíelo de nuevo.",
  "error.forbidden.title": "No tiene acceso a esta página",
  "error.forbidden.text": "Su rol en esta organización no permite ver esta página ni realizar esta acción. Un consultor de la organización puede cambiar su rol.",
  "error.methodNotAllowed.title": "Esta página no admite esa acción",
  "error.methodNotAllowed.text": "La dirección es correcta, pero no recibe formularios. Ábrala desde su enlace.",
  "error.conflict.title": "Alguien hizo un cambio antes",
  "error.conflict.text": "El elemento cambió desde que lo abrió; por ejemplo, la evaluación ya se cerró. Recargue la página para ver su estado actual.",
  "error.gone.title": "Este enlace ya no es válido",
  "error.gone.text": "Venció o fue revocado. Pida uno nuevo a quien se lo envió.",
  "error.tooLarge.title": "Se envió demasiado de una sola vez",
  "error.tooLarge.text": "El formulario o el archivo supera lo que admite este servidor. Envíe menos contenido o un archivo más pequeño.",
  "error.tooMany.title": "Demasiadas solicitudes",
  "error.tooMany.text": "Espere un momento antes de volver a intentarlo.",
  "error.unavailable.title": "Madura está ocupada en este momento",
  "error.unavailable.text": "El servidor no pudo responder a tiempo. Espere un momento e inténtelo de nuevo.",
  "error.other.text": "El servidor no pudo completar esta solicitud. Vuelva atrás e inténtelo de nuevo.",
} satisfies Record<keyof typeof en, string>;
