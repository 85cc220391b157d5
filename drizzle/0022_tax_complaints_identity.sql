CREATE TABLE `complaint_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`file` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `complaint_photos_complaint_idx` ON `complaint_photos` (`complaint_id`,`position`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`buyer_user_id` integer,
	`status` text DEFAULT 'awaiting_producer' NOT NULL,
	`reason` text NOT NULL,
	`description` text NOT NULL,
	`answer_due_at` integer NOT NULL,
	`producer_answer` text,
	`producer_note` text,
	`answered_at` integer,
	`escalated_at` integer,
	`staff_decision` text,
	`staff_note` text,
	`decided_by` integer,
	`decided_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_part_id_unique` ON `complaints` (`part_id`);--> statement-breakpoint
CREATE INDEX `complaints_producer_idx` ON `complaints` (`producer_id`,`status`);--> statement-breakpoint
CREATE INDEX `complaints_status_due_idx` ON `complaints` (`status`,`answer_due_at`);--> statement-breakpoint
CREATE INDEX `complaints_created_idx` ON `complaints` (`created_at`);--> statement-breakpoint
CREATE TABLE `policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`version` integer NOT NULL,
	`title_vi` text NOT NULL,
	`title_en` text NOT NULL,
	`body_vi` text NOT NULL,
	`body_en` text NOT NULL,
	`edited_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_topic_version_idx` ON `policy_versions` (`topic`,`version`);--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `tax_base_vnd` integer;--> statement-breakpoint
CREATE INDEX `ledger_account_time_idx` ON `ledger_entries` (`account`,`created_at`);--> statement-breakpoint
ALTER TABLE `producers` ADD `legal_name` text;--> statement-breakpoint
ALTER TABLE `producers` ADD `tax_code` text;--> statement-breakpoint
ALTER TABLE `producers` ADD `tax_residency` text DEFAULT 'resident' NOT NULL;--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_method` text;--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_checked_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_checked_at` integer;--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_note` text;--> statement-breakpoint
-- hand-written below
-- Product and producer pages link the platform's policies: a new version moves the page cache on (ADR 0021).
CREATE TRIGGER `page_generation_policy_versions_insert` AFTER INSERT ON `policy_versions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_policy_versions_update` AFTER UPDATE ON `policy_versions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_policy_versions_delete` AFTER DELETE ON `policy_versions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
