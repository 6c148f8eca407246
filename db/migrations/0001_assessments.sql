CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`mode` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`join_code` text,
	`results_visible` integer DEFAULT false NOT NULL,
	`model_id` text NOT NULL,
	`model_version` integer NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`locked_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessments_org_idx` ON `assessments` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_open_join_code_idx` ON `assessments` (`join_code`) WHERE "assessments"."status" = 'open';--> statement-breakpoint
CREATE TABLE `consensus` (
	`assessment_id` text NOT NULL,
	`capability_key` text NOT NULL,
	`current` integer NOT NULL,
	`ideal` integer NOT NULL,
	`importance` integer DEFAULT 2 NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`assessment_id`, `capability_key`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consensus_current_range" CHECK("consensus"."current" between 1 and 4),
	CONSTRAINT "consensus_ideal_range" CHECK("consensus"."ideal" between 1 and 4),
	CONSTRAINT "consensus_importance_range" CHECK("consensus"."importance" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_token_hash_idx` ON `participants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `participants_assessment_idx` ON `participants` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`participant_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`capability_key` text NOT NULL,
	`current` integer,
	`ideal` integer,
	`comment` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `capability_key`),
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ratings_current_range" CHECK("ratings"."current" is null or "ratings"."current" between 1 and 4),
	CONSTRAINT "ratings_ideal_range" CHECK("ratings"."ideal" is null or "ratings"."ideal" between 1 and 4)
);
--> statement-breakpoint
CREATE INDEX `ratings_assessment_idx` ON `ratings` (`assessment_id`,`capability_key`);