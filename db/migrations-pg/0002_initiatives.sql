CREATE TABLE "initiative_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"user_id" text,
	"at" timestamp (3) with time zone NOT NULL,
	"changes" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"date" text NOT NULL,
	"still_valid" boolean NOT NULL,
	"priorities_changed" boolean NOT NULL,
	"environment_changed" boolean NOT NULL,
	"preferences_changed" boolean NOT NULL,
	"decision" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"assessment_id" text,
	"library_key" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"capabilities" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"owner_email" text,
	"start" text,
	"target" text,
	"status" text NOT NULL,
	"priority" integer NOT NULL,
	"effort" text NOT NULL,
	"staffing" text NOT NULL,
	"metrics" text DEFAULT '' NOT NULL,
	"dismissed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "initiatives_priority_range" CHECK ("initiatives"."priority" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "initiative_changes" ADD CONSTRAINT "initiative_changes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_changes" ADD CONSTRAINT "initiative_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_reviews" ADD CONSTRAINT "initiative_reviews_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_reviews" ADD CONSTRAINT "initiative_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_changes_initiative_idx" ON "initiative_changes" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiative_reviews_initiative_idx" ON "initiative_reviews" USING btree ("initiative_id","date");--> statement-breakpoint
CREATE INDEX "initiatives_org_idx" ON "initiatives" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_org_library_key_idx" ON "initiatives" USING btree ("organization_id","library_key") WHERE "initiatives"."library_key" is not null;