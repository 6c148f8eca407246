CREATE TABLE `periodic_runs` (
	`job` text NOT NULL,
	`period` text NOT NULL,
	`ran_at` integer NOT NULL,
	PRIMARY KEY(`job`, `period`)
);
