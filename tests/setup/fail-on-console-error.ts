import { format } from "node:util";
import { afterAll, afterEach } from "vitest";

/**
 * A console.error in a test is a failure (STYLE.md): React warnings, unhandled render errors and
 * our own error logging all go there, and a green run must not hide them. A test that expects an
 * error replaces console.error itself (vi.spyOn(console, "error").mockImplementation(...)).
 */
const logged: string[] = [];
const original = console.error;
const print = original.bind(console);

console.error = (...args: unknown[]) => {
  logged.push(format(...args));
  print(...args);
};

function failIfLogged(where: string): void {
  if (logged.length === 0) return;
  const messages = logged.splice(0);
  throw new Error(`console.error was called ${where}:\n${messages.join("\n")}`);
}

afterEach(() => failIfLogged("during this test"));
afterAll(() => {
  console.error = original;
  failIfLogged("outside a test (in a hook or at import)");
});
