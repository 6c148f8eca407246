CREATE TABLE `initiative_feedback` (
	`initiative_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	PRIMARY KEY(`initiative_id`, `feedback_id`),
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `initiative_feedback_feedback_idx` ON `initiative_feedback` (`feedback_id`);--> statement-breakpoint
CREATE TABLE `initiative_review_metrics` (
	`review_id` text NOT NULL,
	`metric_id` text NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`review_id`, `metric_id`),
	FOREIGN KEY (`review_id`) REFERENCES `initiative_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `initiative_review_metrics_metric_idx` ON `initiative_review_metrics` (`metric_id`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `peer_benchmark` integer DEFAULT true NOT NULL;