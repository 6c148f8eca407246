import type en from "../en/common";

/** Spanish strings for the app's frame: header, footer, forms, errors, copy buttons, and the few terms several features share: neutral Spanish, addressing the user as «usted». */
export default {
  "app.name": "Madura",
  "app.tagline": "Madurez de la experiencia del cliente",
  "nav.skip": "Ir al contenido",
  "nav.home": "Inicio de Madura",
  "nav.quiz": "Cuestionario de madurez",
  "nav.switchTo": "English",
  "nav.switchToLabel": "View in English",
  "footer.text": "Madura es software libre para medir y mejorar la madurez de la experiencia del cliente.",

  "copy.button": "Copiar enlace",
  "copy.done": "Enlace copiado",

  "nav.orgs": "Organizaciones",
  "nav.signIn": "Iniciar sesión",
  "nav.signOut": "Cerrar sesión",
  "nav.account": "Sesión iniciada como {name}",
  "nav.main": "Principal",

  "form.error.bot": "No se pudo aceptar este formulario. Inténtelo de nuevo.",
  "form.error.tooLong": "El texto es demasiado largo.",
  "form.error.invalidChoice": "Elija una de las opciones.",
  "form.errorSummary": "Corrija los campos señalados más abajo.",
  "form.save": "Guardar cambios",
  "form.saved": "Cambios guardados.",
  "form.cancel": "Cancelar",
  "form.optional": "opcional",

  "term.to": "a",

  "term.capability": "Capacidad",
  "term.current": "Hoy",
  "term.target": "Meta",
  "term.importance": "Importancia",

  "error.notFound.title": "Página no encontrada",
  "error.notFound.text": "No encontramos esa página. Es posible que el enlace sea incorrecto o que el elemento se haya eliminado.",
  "error.server.title": "Algo salió mal",
  "error.server.text": "Un error inesperado detuvo esta página. Nada de lo que ingresó quedó guardado a medias; inténtelo de nuevo.",
  "error.other.title": "No se pudo completar la solicitud",
  "error.backHome": "Volver al inicio",
} satisfies Record<keyof typeof en, string>;
