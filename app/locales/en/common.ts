/**
 * English strings of the app's frame (header, footer, forms, errors, copy buttons) and the few
 * terms several features share. American spelling. The Spanish file must have exactly these keys.
 */
export default {
  "app.name": "Madura",
  "app.tagline": "Customer-experience maturity",
  "nav.skip": "Skip to content",
  "nav.home": "Madura home",
  "nav.main": "Main",
  "nav.quiz": "Maturity quiz",
  "nav.orgs": "Organizations",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.account": "Signed in as {name}",
  "nav.switchTo": "Español",
  "nav.switchToLabel": "Ver en español",
  "footer.text": "Madura is open-source software for measuring and improving customer-experience maturity.",

  "copy.button": "Copy link",
  "copy.done": "Link copied",

  "form.error.bot": "This form could not be accepted. Please try again.",
  "form.error.tooLong": "This is too long.",
  "form.error.invalidChoice": "Choose one of the options.",
  "form.error.invalidText": "This field could not be read. Type it again.",
  "form.errorSummary": "Please correct the fields marked below.",
  "form.save": "Save changes",
  "form.saved": "Changes saved.",
  "form.cancel": "Cancel",
  "form.optional": "optional",

  "term.capability": "Capability",
  "term.current": "Current",
  "term.target": "Target",
  "term.importance": "Importance",
  "term.to": "to",

  "error.notFound.title": "Page not found",
  "error.notFound.text": "We could not find that page. The link may be wrong, or what it pointed to may have been deleted.",
  "error.server.title": "Something went wrong",
  "error.server.text": "An unexpected error stopped this page. Nothing you entered was half-saved; please try again.",
  "error.other.title": "The request could not be completed",
  "error.backHome": "Back to the home page",
};
