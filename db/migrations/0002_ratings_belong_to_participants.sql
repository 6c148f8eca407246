PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ratings` (
	`participant_id` text NOT NULL,
	`capability_key` text NOT NULL,
	`current` integer,
	`ideal` integer,
	`comment` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `capability_key`),
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ratings_current_range" CHECK("__new_ratings"."current" is null or "__new_ratings"."current" between 1 and 4),
	CONSTRAINT "ratings_ideal_range" CHECK("__new_ratings"."ideal" is null or "__new_ratings"."ideal" between 1 and 4)
);
--> statement-breakpoint
INSERT INTO `__new_ratings`("participant_id", "capability_key", "current", "ideal", "comment", "updated_at") SELECT "participant_id", "capability_key", "current", "ideal", "comment", "updated_at" FROM `ratings`;--> statement-breakpoint
DROP TABLE `ratings`;--> statement-breakpoint
ALTER TABLE `__new_ratings` RENAME TO `ratings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;