/** English strings of the landing page. The Spanish file must have exactly these keys. */
export default {
  "home.title": "How mature is your customer experience?",
  "home.lead": "Find out in two minutes with a four-question quiz, then turn the answer into a plan your whole team owns.",
  "home.cta": "Take the quiz",
  "home.ctaHint": "Four questions, no account needed.",
  "home.joinPrompt": "In a workshop?",
  "home.joinLink": "Enter the code on the screen",
  "home.bands": "Where the quiz places you",
  "home.journeys": "Built for three kinds of work",
  "home.exec.title": "Executives",
  "home.exec.text": "Take the quiz, see where your organization stands and what the next level looks like, and compare yourself with your peers.",
  "home.consultant.title": "Consultants",
  "home.consultant.text": "Run the 25-capability assessment as a live workshop on participants' phones, reach consensus and present the gaps.",
  "home.owner.title": "Program owners",
  "home.owner.text": "Turn gaps into initiatives, review them every six months and track the metrics that show progress.",

  "home.firstRun": "This server has no accounts yet.",
  "home.firstRunCta": "Create the first consultant account",
  "home.signedIn": "Go to your organizations",
};
