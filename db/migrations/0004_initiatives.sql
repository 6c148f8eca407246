CREATE TABLE `initiative_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`initiative_id` text NOT NULL,
	`user_id` text,
	`at` integer NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `initiative_changes_initiative_idx` ON `initiative_changes` (`initiative_id`,`at`);--> statement-breakpoint
CREATE TABLE `initiative_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`initiative_id` text NOT NULL,
	`date` text NOT NULL,
	`still_valid` integer NOT NULL,
	`priorities_changed` integer NOT NULL,
	`environment_changed` integer NOT NULL,
	`preferences_changed` integer NOT NULL,
	`decision` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `initiative_reviews_initiative_idx` ON `initiative_reviews` (`initiative_id`,`date`);--> statement-breakpoint
CREATE TABLE `initiatives` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`assessment_id` text,
	`library_key` text,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`capabilities` text NOT NULL,
	`owner_name` text DEFAULT '' NOT NULL,
	`owner_email` text,
	`start` text,
	`target` text,
	`status` text NOT NULL,
	`priority` integer NOT NULL,
	`effort` text NOT NULL,
	`staffing` text NOT NULL,
	`metrics` text DEFAULT '' NOT NULL,
	`dismissed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "initiatives_priority_range" CHECK("initiatives"."priority" between 1 and 3)
);
--> statement-breakpoint
CREATE INDEX `initiatives_org_idx` ON `initiatives` (`organization_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `initiatives_org_library_key_idx` ON `initiatives` (`organization_id`,`library_key`) WHERE "initiatives"."library_key" is not null;