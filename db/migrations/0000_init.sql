CREATE TABLE `quiz_results` (
	`id` text PRIMARY KEY NOT NULL,
	`q1` text NOT NULL,
	`q2` text NOT NULL,
	`q3` text NOT NULL,
	`q4` text NOT NULL,
	`score` integer NOT NULL,
	`band` text NOT NULL,
	`lang` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "quiz_results_score_range" CHECK("quiz_results"."score" between 4 and 13)
);
--> statement-breakpoint
CREATE INDEX `quiz_results_created_at_idx` ON `quiz_results` (`created_at`);