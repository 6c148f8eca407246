CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`date` text NOT NULL,
	`sentiment` text NOT NULL,
	`channel` text NOT NULL,
	`capability` text,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_org_date_idx` ON `feedback` (`organization_id`,`date`);--> statement-breakpoint
CREATE TABLE `metric_values` (
	`metric_id` text NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`metric_id`, `date`),
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`key` text,
	`name` text,
	`kind` text NOT NULL,
	`unit` text,
	`direction` text NOT NULL,
	`baseline` real NOT NULL,
	`target` real NOT NULL,
	`target_date` text NOT NULL,
	`cadence` text NOT NULL,
	`owner` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "metrics_catalog_or_custom" CHECK(("metrics"."key" is not null and "metrics"."name" is null and "metrics"."unit" is null) or ("metrics"."key" is null and "metrics"."name" is not null and "metrics"."unit" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_org_key_idx` ON `metrics` (`organization_id`,`key`) WHERE "metrics"."key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_org_name_idx` ON `metrics` (`organization_id`,`name`) WHERE "metrics"."name" is not null;