CREATE TABLE `payment_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`provider` text NOT NULL,
	`provider_order_code` integer NOT NULL,
	`status` text DEFAULT 'creating' NOT NULL,
	`payment_link_id` text,
	`checkout_url` text,
	`qr_code` text,
	`bank_bin` text,
	`account_number` text,
	`account_name` text,
	`description` text NOT NULL,
	`amount_vnd` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_links_order_id_unique` ON `payment_links` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_links_provider_order_code_unique` ON `payment_links` (`provider_order_code`);--> statement-breakpoint
CREATE TABLE `reconciliation_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`fetched` integer DEFAULT 0 NOT NULL,
	`found` integer DEFAULT 0 NOT NULL,
	`applied` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `reconciliation_runs_provider_idx` ON `reconciliation_runs` (`provider`,`started_at`);--> statement-breakpoint
DROP INDEX `bank_transfers_transaction_id_unique`;--> statement-breakpoint
ALTER TABLE `bank_transfers` ADD `provider` text DEFAULT 'bank' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transfers_provider_transaction_idx` ON `bank_transfers` (`provider`,`transaction_id`);