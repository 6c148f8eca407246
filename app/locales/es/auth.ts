import type en from "../en/auth";

/** Textos en español para crear una cuenta e iniciar sesión. Español neutro, de usted. */
export default {
  "auth.signup.title": "Cree su cuenta",
  "auth.signup.firstRunTitle": "Configure Madura",
  "auth.signup.firstRunLead": "Todavía nadie tiene cuenta en este servidor. La primera cuenta es de consultor: con ella creará las organizaciones cliente e invitará a las personas.",
  "auth.signup.lead": "Los consultores gestionan sus organizaciones cliente; los responsables de programa y los lectores se unen con un enlace de invitación.",
  "auth.signup.submit": "Crear cuenta",
  "auth.signup.haveAccount": "¿Ya tiene una cuenta?",
  "auth.signup.closed": "Este servidor solo admite cuentas nuevas mediante un enlace de invitación. Pídaselo al consultor que administra Madura aquí.",
  "auth.login.title": "Iniciar sesión",
  "auth.login.submit": "Iniciar sesión",
  "auth.login.noAccount": "¿Aún no tiene cuenta?",
  "auth.field.name": "Su nombre",
  "auth.field.email": "Correo electrónico",
  "auth.field.password": "Contraseña",
  "auth.field.passwordHint": "Al menos 10 caracteres. Una frase corta es fácil de recordar y difícil de adivinar.",
  "auth.error.nameRequired": "Escriba su nombre.",
  "auth.error.emailRequired": "Escriba su correo electrónico.",
  "auth.error.emailInvalid": "Escriba un correo con el formato nombre@empresa.com.",
  "auth.error.emailTaken": "Ya existe una cuenta con este correo. Inicie sesión.",
  "auth.error.passwordShort": "Use al menos 10 caracteres.",
  "auth.error.passwordRequired": "Escriba su contraseña.",
  "auth.error.invalidLogin": "El correo y la contraseña no corresponden a ninguna cuenta.",
  "auth.error.tooMany_one": "Demasiados intentos. Espere un minuto y vuelva a intentarlo.",
  "auth.error.tooMany_other": "Demasiados intentos. Espere {count} minutos y vuelva a intentarlo.",
  "auth.error.signupClosed": "En este servidor, las cuentas nuevas requieren un enlace de invitación.",
} satisfies Record<keyof typeof en, string>;
