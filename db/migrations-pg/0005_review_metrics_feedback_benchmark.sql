CREATE TABLE "initiative_feedback" (
	"initiative_id" text NOT NULL,
	"feedback_id" text NOT NULL,
	CONSTRAINT "initiative_feedback_initiative_id_feedback_id_pk" PRIMARY KEY("initiative_id","feedback_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_review_metrics" (
	"review_id" text NOT NULL,
	"metric_id" text NOT NULL,
	"date" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "initiative_review_metrics_review_id_metric_id_pk" PRIMARY KEY("review_id","metric_id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "peer_benchmark" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative_feedback" ADD CONSTRAINT "initiative_feedback_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_feedback" ADD CONSTRAINT "initiative_feedback_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_review_metrics" ADD CONSTRAINT "initiative_review_metrics_review_id_initiative_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."initiative_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_review_metrics" ADD CONSTRAINT "initiative_review_metrics_metric_id_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_feedback_feedback_idx" ON "initiative_feedback" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "initiative_review_metrics_metric_idx" ON "initiative_review_metrics" USING btree ("metric_id");