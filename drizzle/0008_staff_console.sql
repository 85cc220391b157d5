CREATE TABLE `listing_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`reason` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`reporter_user_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`resolved_by_user_id` integer,
	`resolution` text,
	`resolved_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_reports_open_idx` ON `listing_reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `listing_reports_product_idx` ON `listing_reports` (`product_id`);--> statement-breakpoint
CREATE TABLE `staff_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_user_id` integer NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`province_code` text,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_audit_created_idx` ON `staff_audit` (`created_at`);--> statement-breakpoint
CREATE INDEX `staff_audit_province_idx` ON `staff_audit` (`province_code`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_audit_subject_idx` ON `staff_audit` (`subject_type`,`subject_id`);--> statement-breakpoint
ALTER TABLE `producers` ADD `verification_note` text;