/**
 * A validation message that needs numbers ("from 0 to 100") travels as one string, as every other
 * message does (a zod issue, a form's errors, an import's report): the i18n key, then its
 * placeholders as a query string, `metric.error.between?min=0&max=100`. `withParams` writes it;
 * `readMessage` (components/forms.tsx, the import report) reads it back, numbers as numbers so the
 * translator formats them for the reader's language.
 */
export type MessageParams = Record<string, string | number>;

export function withParams(key: string, params: MessageParams): string {
  return `${key}?${new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)])).toString()}`;
}

export function readMessage(message: string): { key: string; params?: MessageParams } {
  const mark = message.indexOf("?");
  if (mark < 0) return { key: message };
  const params: MessageParams = {};
  for (const [name, value] of new URLSearchParams(message.slice(mark + 1))) params[name] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return { key: message.slice(0, mark), params };
}
