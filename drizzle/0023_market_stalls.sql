CREATE TABLE `stall_callbacks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stall_id` integer NOT NULL,
	`provider` text NOT NULL,
	`transaction_id` text NOT NULL,
	`direction` text NOT NULL,
	`amount_vnd` integer NOT NULL,
	`description` text NOT NULL,
	`account_number` text NOT NULL,
	`occurred_at` text NOT NULL,
	`sale_id` integer,
	`outcome` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`stall_id`) REFERENCES `stalls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sale_id`) REFERENCES `stall_sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stall_callbacks_provider_transaction_idx` ON `stall_callbacks` (`stall_id`,`provider`,`transaction_id`);--> statement-breakpoint
CREATE TABLE `stall_sale_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`name` text NOT NULL,
	`unit_price_vnd` integer NOT NULL,
	`quantity` integer NOT NULL,
	`line_total_vnd` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `stall_sales`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `product_variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stall_sale_lines_sale_idx` ON `stall_sale_lines` (`sale_id`);--> statement-breakpoint
CREATE TABLE `stall_sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`stall_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`province_code` text NOT NULL,
	`market_name` text,
	`method` text NOT NULL,
	`account` text DEFAULT 'producer' NOT NULL,
	`amount_vnd` integer NOT NULL,
	`status` text NOT NULL,
	`created_by_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`paid_at` integer,
	`confirmed_by` text,
	`confirmed_by_user_id` integer,
	`cancelled_at` integer,
	`cancelled_by_user_id` integer,
	`cancel_reason` text,
	FOREIGN KEY (`stall_id`) REFERENCES `stalls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stall_sales_amount_positive" CHECK("stall_sales"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stall_sales_code_unique` ON `stall_sales` (`code`);--> statement-breakpoint
CREATE INDEX `stall_sales_producer_idx` ON `stall_sales` (`producer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stall_sales_paid_idx` ON `stall_sales` (`status`,`method`,`paid_at`);--> statement-breakpoint
CREATE TABLE `stalls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`code` text NOT NULL,
	`market_name` text,
	`webhook_token` text NOT NULL,
	`sepay_api_key` text NOT NULL,
	`casso_checksum_key` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stalls_producer_id_unique` ON `stalls` (`producer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `stalls_code_unique` ON `stalls` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `stalls_webhook_token_unique` ON `stalls` (`webhook_token`);