CREATE TABLE `refused_callbacks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`reason` text NOT NULL,
	`excerpt` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `refused_callbacks_provider_idx` ON `refused_callbacks` (`provider`,`created_at`);--> statement-breakpoint
ALTER TABLE `payment_links` ADD `provider_reference` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `provider_refund_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_provider_refund_id_unique` ON `refunds` (`provider_refund_id`);