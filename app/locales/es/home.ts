import type en from "../en/home";

/** Textos en español de la página de inicio. Español neutro, de usted. */
export default {
  "home.title": "¿Cuán madura es la experiencia que ofrece a sus clientes?",
  "home.lead": "Descúbralo en dos minutos con un cuestionario de cuatro preguntas y convierta la respuesta en un plan que todo su equipo haga suyo.",
  "home.cta": "Responder el cuestionario",
  "home.ctaHint": "Cuatro preguntas, sin crear una cuenta.",
  "home.joinPrompt": "¿Está en un taller?",
  "home.joinLink": "Escriba el código que aparece en la pantalla",
  "home.bands": "Dónde puede situarle el cuestionario",
  "home.journeys": "Pensado para tres tipos de trabajo",
  "home.exec.title": "Directivos",
  "home.exec.text": "Responda el cuestionario, vea en qué punto está su organización y cómo es el siguiente nivel, y compárese con sus pares.",
  "home.consultant.title": "Consultores",
  "home.consultant.text": "Realice la evaluación de las 25 capacidades en un taller en vivo, desde los teléfonos de los participantes; llegue con ellos a un consenso y presente las brechas.",
  "home.owner.title": "Responsables de programa",
  "home.owner.text": "Convierta las brechas en iniciativas, revíselas cada seis meses y siga las métricas que muestran el avance.",

  "home.firstRun": "Este servidor todavía no tiene cuentas.",
  "home.firstRunCta": "Crear la primera cuenta de consultor",
  "home.signedIn": "Ir a sus organizaciones",
} satisfies Record<keyof typeof en, string>;
