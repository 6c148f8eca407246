CREATE TABLE "feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"date" text NOT NULL,
	"sentiment" text NOT NULL,
	"channel" text NOT NULL,
	"capability" text,
	"text" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_values" (
	"metric_id" text NOT NULL,
	"date" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "metric_values_metric_id_date_pk" PRIMARY KEY("metric_id","date")
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"key" text,
	"name" text,
	"kind" text NOT NULL,
	"unit" text,
	"direction" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"target_date" text NOT NULL,
	"cadence" text NOT NULL,
	"owner" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_catalog_or_custom" CHECK (("metrics"."key" is not null and "metrics"."name" is null and "metrics"."unit" is null) or ("metrics"."key" is null and "metrics"."name" is not null and "metrics"."unit" is not null))
);
--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_org_date_idx" ON "feedback" USING btree ("organization_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "metrics_org_key_idx" ON "metrics" USING btree ("organization_id","key") WHERE "metrics"."key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "metrics_org_name_idx" ON "metrics" USING btree ("organization_id","name") WHERE "metrics"."name" is not null;