import crypto from "node:crypto";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

/** PostgreSQL's migrations, applied to a fresh database on the run's real server. */
const admin = new pg.Client({ connectionString: inject("postgresUrl") });
const name = `migrations_${crypto.randomBytes(6).toString("hex")}`;
let pool: pg.Pool | undefined;

afterAll(async () => {
  await pool?.end();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
});

describe("PostgreSQL migrations", () => {
  it("create every table of the schema on an empty database, with its keys and cascades", async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(inject("postgresUrl"));
    url.pathname = `/${name}`;
    pool = new pg.Pool({ connectionString: url.href });
    await migrate(drizzle(pool), { migrationsFolder: path.resolve(process.cwd(), "db/migrations-pg") });

    const { rows } = await pool.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' order by table_name");
    expect(rows.map((r) => r.table_name)).toEqual([
      "assessments",
      "calendar_events",
      "calendar_feeds",
      "consensus",
      "email_recipients",
      "feedback",
      "initiative_changes",
      "initiative_feedback",
      "initiative_review_metrics",
      "initiative_reviews",
      "initiatives",
      "invites",
      "limit_counters",
      "memberships",
      "metric_values",
      "metrics",
      "organizations",
      "outbox",
      "participants",
      "periodic_runs",
      "quiz_results",
      "ratings",
      "sessions",
      "users",
    ]);

    await pool.query(`
      insert into users (id, email, name, password_hash) values ('u1', 'carla@example.com', 'Carla', 'x');
      insert into organizations (id, name, quiz_invite_token) values ('o1', 'Andes Retail', 'quiz-token');
      insert into assessments (id, organization_id, name, mode, model_id, model_version, created_by) values ('a1', 'o1', '2026 H2', 'workshop', 'cem', 1, 'u1');
      insert into participants (id, assessment_id, token_hash, display_name) values ('p1', 'a1', 'h1', 'Ana');
      insert into ratings (participant_id, capability_key, current, ideal, comment, updated_at) values ('p1', 'billing', 2, 3, '', now());
      insert into initiatives (id, organization_id, assessment_id, library_key, title, description, capabilities, status, priority, effort, staffing, updated_at)
        values ('i1', 'o1', 'a1', 'billing-2-a', 'Clear bills', 'x', 'billing', 'proposed', 2, 'S', 'none', now());
      insert into initiative_reviews (id, initiative_id, date, still_valid, priorities_changed, environment_changed, preferences_changed, decision, created_by)
        values ('r1', 'i1', '2026-06-01', true, false, false, false, 'continue', 'u1');
      insert into initiative_changes (id, initiative_id, user_id, at, changes) values ('c1', 'i1', 'u1', now(), '{}');
      insert into metrics (id, organization_id, key, kind, direction, baseline, target, target_date, cadence) values ('m1', 'o1', 'fcr', 'operational', 'higher', 68.5, 75, '2027-06-30', 'monthly');
      insert into metric_values (metric_id, date, value) values ('m1', '2026-10-31', 69.25);
      insert into feedback (id, organization_id, date, sentiment, channel, text) values ('f1', 'o1', '2026-11-02', 'negative', 'phone', 'Tres llamadas');
      insert into calendar_feeds (id, token, organization_id) values ('cf1', 'feed-token', 'o1');
      insert into outbox (id, organization_id, kind, dedupe_key, recipient, lang, subject, text_body, html_body, next_attempt_at)
        values ('e1', 'o1', 'review-before', 'review-before|i1|2026-12-08|olga@client.example', 'olga@client.example', 'es', 's', 't', 'h', now());
      insert into initiative_review_metrics (review_id, metric_id, date, value) values ('r1', 'm1', '2026-10-31', 69.25);
      insert into initiative_feedback (initiative_id, feedback_id) values ('i1', 'f1');
    `);
    const { rows: peers } = await pool.query<{ peer_benchmark: boolean }>("select peer_benchmark from organizations where id = 'o1'");
    expect(peers[0]!.peer_benchmark).toBe(true);
    // A feed belongs to an organization or to a user, never both or neither; a reminder is queued once.
    await expect(pool.query("insert into calendar_feeds (id, token) values ('cf2', 'other-token')")).rejects.toThrow(/calendar_feeds_one_owner/);
    await expect(
      pool.query("insert into outbox (id, kind, dedupe_key, recipient, lang, subject, text_body, html_body, next_attempt_at) values ('e2', 'review-before', 'review-before|i1|2026-12-08|olga@client.example', 'olga@client.example', 'es', 's', 't', 'h', now())"),
    ).rejects.toThrow(/outbox_dedupe_key_unique/);
    // The same library key twice in one organization is refused: generation stays idempotent across servers.
    await expect(
      pool.query("insert into initiatives (id, organization_id, library_key, title, description, capabilities, status, priority, effort, staffing, updated_at) values ('i2', 'o1', 'billing-2-a', 't', 'd', 'billing', 'proposed', 2, 'S', 'none', now())"),
    ).rejects.toThrow(/initiatives_org_library_key_idx/);
    await expect(pool.query("insert into metrics (id, organization_id, key, name, kind, unit, direction, baseline, target, target_date, cadence) values ('m2', 'o1', 'csat', 'CSAT', 'operational', '%', 'higher', 1, 2, '2027-01-01', 'monthly')")).rejects.toThrow(/metrics_catalog_or_custom/);
    await expect(pool.query("insert into ratings values ('p1', 'security', 7, 1, '', now())")).rejects.toThrow(/ratings_current_range/);
    await pool.query("delete from organizations where id = 'o1'");
    const { rows: left } = await pool.query<{ n: number }>("select (select count(*) from participants)::int + (select count(*) from ratings)::int + (select count(*) from initiatives)::int + (select count(*) from initiative_reviews)::int + (select count(*) from initiative_changes)::int + (select count(*) from metric_values)::int + (select count(*) from feedback)::int + (select count(*) from calendar_feeds)::int + (select count(*) from outbox)::int + (select count(*) from initiative_review_metrics)::int + (select count(*) from initiative_feedback)::int as n");
    expect(left[0]!.n).toBe(0);
  });
});
