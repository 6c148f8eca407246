import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callAction, callLoader, type Settled } from "../setup/route-harness";
import { t, useTestDatabase } from "../setup/test-db";
import { translate } from "~/utils/i18n.server";
// Tests drive route modules directly; the "a route never imports another route" rule is for app code.
import { action } from "~/routes/quiz";
import { loader as resultLoader } from "~/routes/quiz_.r.$resultId";

const database = useTestDatabase();

const valid = { q1: "a", q2: "b", q3: "c", q4: "d" };

function postQuiz(fields: Record<string, string> | FormData, { url = "/quiz", headers = {} as Record<string, string> } = {}) {
  return callAction(action, { url, headers, fields });
}

async function rowCount(): Promise<number> {
  return (await database.db.orm.select({ n: count() }).from(t.quizResults))[0]!.n;
}

/** The id a successful post redirected to, after checking the redirect itself. */
function redirectedId({ status, headers }: Settled<unknown>): string {
  expect(status).toBe(303);
  const location = headers.get("Location") ?? "";
  const match = /^\/quiz\/r\/([A-Za-z0-9_-]+)$/.exec(location);
  expect(match, `Location: ${location}`).not.toBeNull();
  const id = match![1]!;
  // 128 random bits in base64url are 22 characters.
  expect(id.length).toBeGreaterThanOrEqual(22);
  return id;
}

/** What a 400 carries: the errors, and the values to show the form again with. */
function rejected({ status, data }: Settled<unknown>): { errors: Record<string, string>; values: Record<string, string> } {
  expect(status).toBe(400);
  return data as { errors: Record<string, string>; values: Record<string, string> };
}

describe("POST /quiz", () => {
  it("stores a valid answer set and redirects to its result", async () => {
    const id = redirectedId(await postQuiz(valid));
    const row = (await database.db.orm.select().from(t.quizResults).where(eq(t.quizResults.id, id)))[0];
    expect(row).toMatchObject({ ...valid, score: 10, band: "good-job", lang: "es" });
    expect(await rowCount()).toBe(1);
  });

  it.each([
    [{ q1: "a", q2: "a", q3: "a", q4: "a" }, 4, "long-way"],
    [{ q1: "b", q2: "b", q3: "a", q4: "b" }, 7, "good-job"],
    [{ q1: "c", q2: "c", q3: "b", q4: "c" }, 11, "on-top"],
    [{ q1: "c", q2: "c", q3: "c", q4: "d" }, 13, "on-top"],
  ])("scores %j as %i (%s)", async (answers, score, band) => {
    const id = redirectedId(await postQuiz(answers));
    expect((await database.db.orm.select().from(t.quizResults).where(eq(t.quizResults.id, id)))[0]).toMatchObject({ score, band });
  });

  it("gives every result a different id", async () => {
    const first = redirectedId(await postQuiz(valid));
    const second = redirectedId(await postQuiz(valid));
    expect(first).not.toBe(second);
    expect(await rowCount()).toBe(2);
  });

  it.each([
    [{}, "es"],
    [{ "Accept-Language": "en-GB,en;q=0.9" }, "en"],
    [{ "Accept-Language": "fr-FR,es;q=0.5" }, "es"],
    [{ Cookie: "lng=en", "Accept-Language": "es" }, "en"],
  ])("records the language of headers %j as %s", async (headers, lang) => {
    const id = redirectedId(await postQuiz(valid, { headers }));
    expect((await database.db.orm.select().from(t.quizResults).where(eq(t.quizResults.id, id)))[0]?.lang).toBe(lang);
  });

  it("prefers ?lng over Accept-Language", async () => {
    const id = redirectedId(
      await postQuiz(valid, { url: "/quiz?lng=en", headers: { "Accept-Language": "es-ES" } }),
    );
    expect((await database.db.orm.select().from(t.quizResults).where(eq(t.quizResults.id, id)))[0]?.lang).toBe("en");
  });

  it("accepts an invite token alongside the answers", async () => {
    redirectedId(await postQuiz({ ...valid, invite: "some-invite-token" }));
    expect(await rowCount()).toBe(1);
  });

  type Fields = Record<string, string>;
  const fields = ["q1", "q2", "q3", "q4"];
  const without = (field: string): Fields => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));

  it.each<[name: string, body: Fields, errors: Fields]>([
    ...fields.map((field): [string, Fields, Fields] => [`${field} missing`, without(field), { [field]: "quiz.error.required" }]),
    ...fields.map((field): [string, Fields, Fields] => [`${field} empty`, { ...valid, [field]: "" }, { [field]: "quiz.error.required" }]),
    ...fields.map((field): [string, Fields, Fields] => [`${field} = "z"`, { ...valid, [field]: "z" }, { [field]: "quiz.error.invalid" }]),
    ["q4 = \"e\"", { ...valid, q4: "e" }, { q4: "quiz.error.invalid" }],
    ["q1 = \"d\" beside a valid q4 = \"d\"", { ...valid, q1: "d", q4: "d" }, { q1: "quiz.error.invalid" }],
    ["q2 and q3 = \"d\"", { ...valid, q2: "d", q3: "d" }, { q2: "quiz.error.invalid", q3: "quiz.error.invalid" }],
    [
      "an empty body",
      {},
      { q1: "quiz.error.required", q2: "quiz.error.required", q3: "quiz.error.required", q4: "quiz.error.required" },
    ],
  ])("rejects %s with 400 and errors at exactly the wrong fields", async (_name, body, errors) => {
    const { errors: got, values } = rejected(await postQuiz(body));
    expect(got).toEqual(errors);
    // The form is shown again with what was chosen.
    expect(values).toEqual(body);
    expect(await rowCount()).toBe(0);
  });

  it("accepts a multipart post, as a browser may send it", async () => {
    const body = new FormData();
    for (const [key, value] of Object.entries(valid)) body.append(key, value);
    redirectedId(await postQuiz(body));
    expect(await rowCount()).toBe(1);
  });
});

describe("GET /quiz/r/:resultId", () => {
  async function loadResult(resultId: string, headers: Record<string, string> = {}) {
    return callLoader(resultLoader, { url: `/quiz/r/${resultId}`, params: { resultId }, headers });
  }

  it("shows a stored result in the reader's language", async () => {
    const id = redirectedId(await postQuiz({ q1: "c", q2: "c", q3: "c", q4: "b" }));
    const page = await loadResult(id, { "Accept-Language": "en" });
    expect(page.status).toBe(200);
    const result = page.data!;
    expect(result.score).toBe(11);
    expect(result.band).toMatchObject({ key: "on-top", min: 11, max: 13 });
    expect(result.shareUrl.endsWith(`/quiz/r/${id}`)).toBe(true);
    expect(result.answers.map((a) => [a.id, a.points, a.isBest])).toEqual([
      ["q1", 3, true],
      ["q2", 3, true],
      ["q3", 3, true],
      ["q4", 2, false],
    ]);
    expect(result.title).toBe("Your maturity result");
    // Without a preference, the page is in Spanish.
    expect((await loadResult(id)).data?.title).toBe(translate("es", "result.title"));
  });

  it.each(["unknown-id-that-is-long-enough", "", "AAAAAAAAAAAAAAAAAAAAAA"])("answers 404 for the unknown id %j", async (id) => {
    expect(await loadResult(id)).toMatchObject({ status: 404, thrown: true });
  });
});
