/**
 * English texts that only the server renders: the calendar feeds and the reminder emails. A server
 * namespace (ServerNamespace in app/utils/i18n.ts): never sent to a browser.
 */
export default {
  "feed.description.organization": "Reviews, initiative target dates and the next reassessment of {name}.",
  "feed.description.user": "Reviews, initiative target dates and reassessments across your organizations.",
  "feed.review.summary": "Review: {title}",
  "feed.review.description": "{organization}: the six-month review of the initiative “{title}” is due.",
  "feed.target.summary": "Target date: {title}",
  "feed.target.description": "{organization}: the initiative “{title}” is due to be finished.",
  "feed.reassessment.summary": "Reassessment: {organization}",
  "feed.reassessment.description": "Six months after the last locked assessment, {organization} is due a new capability assessment.",

  "email.reviewBefore.subject_one": "Review due tomorrow: {title}",
  "email.reviewBefore.subject_other": "Review due in {count} days: {title}",
  "email.reviewDue.subject": "Review due today: {title}",
  "email.review.intro": "The six-month review of an initiative of {organization} is due on {date}:",
  "email.review.ask": "The review asks whether the initiative is still valid, whether priorities, the business environment or customer preferences changed, and what to do next.",
  "email.review.action": "Record the review",
  "email.digest.subject_one": "Overdue this week: {count} item",
  "email.digest.subject_other": "Overdue this week: {count} items",
  "email.digest.intro": "These items of your organizations are overdue:",
  "email.digest.item.review": "{organization}: review of “{title}”, due {date}",
  "email.digest.item.target": "{organization}: target date of “{title}”, {date}",
  "email.digest.item.reassessment": "{organization}: reassessment, due {date}",
  "email.digest.action": "See your week",
  "email.footer.why": "You receive this because you own an initiative, or are a consultant or program owner, in an organization on Madura.",
  "email.footer.optOut": "Stop these emails: {url}",
  "email.footer.optOutLink": "Stop these emails",
  "email.invite.subject": "{inviter} invites you to {organization} on Madura",
  "email.invite.intro": "{inviter} invites you to join {organization} on Madura as {role}.",
  "email.invite.action": "Accept the invitation",
  "email.invite.expires": "The link works until {date}.",
  "email.invite.ignore": "If you did not expect this invitation, you can ignore this email.",
  "email.role.consultant": "a consultant",
  "email.role.program-owner": "a program owner",
  "email.role.viewer": "a viewer",
};
