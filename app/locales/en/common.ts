/** English strings for the app's frame: header, footer, forms, errors, copy buttons, and the few terms several features share. The Spanish file must have exactly these keys. */
export default {
  "app.name": "Madura",
  "app.tagline": "Customer-experience maturity",
  "nav.skip": "Skip to content",
  "nav.home": "Madura home",
  "nav.quiz": "Maturity quiz",
  "nav.switchTo": "Español",
  "nav.switchToLabel": "Ver en español",
  "footer.text": "Madura is open-source software for customer-experience maturity.",

  "copy.button": "Copy link",
  "copy.done": "Link copied",

  "nav.orgs": "Organizations",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.account": "Signed in as {name}",
  "nav.main": "Main",

  "form.error.bot": "This form could not be accepted. Please try again.",
  "form.error.tooLong": "This is too long.",
  "form.error.invalidChoice": "Choose one of the options.",
  "form.errorSummary": "Please correct the fields marked below.",
  "form.save": "Save changes",
  "form.saved": "Changes saved.",
  "form.cancel": "Cancel",
  "form.optional": "optional",

  "term.to": "to",

  "term.capability": "Capability",
  "term.current": "Today",
  "term.target": "Goal",
  "term.importance": "Importance",

  "error.notFound.title": "Page not found",
  "error.notFound.text": "We could not find that page. The link may be wrong or the item may have been removed.",
  "error.server.title": "Something went wrong",
  "error.server.text": "An unexpected error stopped this page. Nothing you entered has been half-saved; please try again.",
  "error.other.title": "The request could not be completed",
  "error.backHome": "Back to the home page",
};
