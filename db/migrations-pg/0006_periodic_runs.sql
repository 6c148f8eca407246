CREATE TABLE "periodic_runs" (
	"job" text NOT NULL,
	"period" text NOT NULL,
	"ran_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "periodic_runs_job_period_pk" PRIMARY KEY("job","period")
);
