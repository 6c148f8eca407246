/** One spelling per address: accounts, owners and the outbox compare addresses in lower case, trimmed. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
