CREATE TABLE `certificate_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`file` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`uploaded_by_user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `certificate_evidence_producer_idx` ON `certificate_evidence` (`producer_id`);