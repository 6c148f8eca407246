/** English strings of initiatives and their six-month reviews. The Spanish file must have exactly these keys. */
export default {
  "initiative.error.titleRequired": "Give the initiative a title.",
  "initiative.error.descriptionRequired": "Describe what the initiative involves.",
  "initiative.error.capabilitiesRequired": "Choose at least one capability.",
  "initiative.error.capabilityUnknown": "Choose capabilities of the model.",
  "initiative.error.ownerRequired": "Name the person who owns the initiative.",
  "initiative.error.emailInvalid": "Enter a valid email address, or leave it empty.",
  "initiative.error.date": "Enter a date as YYYY-MM-DD.",
  "initiative.error.targetBeforeStart": "The target date cannot be before the start date.",
  "initiative.error.metricUnknown": "Choose metrics from the list.",
  "review.error.date": "Enter the review date as YYYY-MM-DD.",
};
