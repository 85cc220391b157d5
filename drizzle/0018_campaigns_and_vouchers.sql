CREATE TABLE `campaign_producers` (
	`campaign_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `producer_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_producers_producer_idx` ON `campaign_producers` (`producer_id`);--> statement-breakpoint
CREATE TABLE `campaign_products` (
	`campaign_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `product_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_products_product_idx` ON `campaign_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`province_code` text,
	`kind` text NOT NULL,
	`percent` integer,
	`cap_vnd` integer,
	`amount_vnd` integer,
	`min_order_vnd` integer DEFAULT 0 NOT NULL,
	`budget_vnd` integer,
	`spent_vnd` integer DEFAULT 0 NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "campaigns_terms" CHECK(("campaigns"."kind" = 'percent' AND "campaigns"."percent" BETWEEN 1 AND 90 AND "campaigns"."amount_vnd" IS NULL AND ("campaigns"."cap_vnd" IS NULL OR "campaigns"."cap_vnd" > 0))
       OR ("campaigns"."kind" = 'fixed' AND "campaigns"."amount_vnd" > 0 AND "campaigns"."percent" IS NULL AND "campaigns"."cap_vnd" IS NULL)
       OR ("campaigns"."kind" = 'free_shipping' AND "campaigns"."percent" IS NULL AND "campaigns"."amount_vnd" IS NULL AND "campaigns"."cap_vnd" IS NULL)),
	CONSTRAINT "campaigns_min_order" CHECK("campaigns"."min_order_vnd" >= 0),
	CONSTRAINT "campaigns_budget" CHECK("campaigns"."spent_vnd" >= 0 AND ("campaigns"."budget_vnd" IS NULL OR ("campaigns"."budget_vnd" > 0 AND "campaigns"."spent_vnd" <= "campaigns"."budget_vnd"))),
	CONSTRAINT "campaigns_dates" CHECK("campaigns"."starts_on" <= "campaigns"."ends_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_window_idx` ON `campaigns` (`ends_on`,`starts_on`);--> statement-breakpoint
CREATE INDEX `campaigns_province_idx` ON `campaigns` (`province_code`,`ends_on`);--> statement-breakpoint
CREATE TABLE `order_discounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`source` text NOT NULL,
	`campaign_id` integer,
	`voucher_id` integer,
	`label` text NOT NULL,
	`target` text NOT NULL,
	`amount_vnd` integer NOT NULL,
	`payer` text NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_discounts_amount" CHECK("order_discounts"."amount_vnd" > 0),
	CONSTRAINT "order_discounts_source" CHECK(("order_discounts"."source" = 'campaign' AND "order_discounts"."campaign_id" IS NOT NULL AND "order_discounts"."voucher_id" IS NULL AND "order_discounts"."payer" = 'platform')
       OR ("order_discounts"."source" = 'voucher' AND "order_discounts"."voucher_id" IS NOT NULL AND "order_discounts"."campaign_id" IS NULL AND "order_discounts"."payer" = 'producer' AND "order_discounts"."target" = 'goods'))
);
--> statement-breakpoint
CREATE INDEX `order_discounts_part_idx` ON `order_discounts` (`part_id`);--> statement-breakpoint
CREATE INDEX `order_discounts_order_idx` ON `order_discounts` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_discounts_campaign_idx` ON `order_discounts` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `voucher_redemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`phone` text NOT NULL,
	`user_id` integer,
	`released_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voucher_redemptions_part_idx` ON `voucher_redemptions` (`voucher_id`,`part_id`);--> statement-breakpoint
CREATE INDEX `voucher_redemptions_phone_idx` ON `voucher_redemptions` (`voucher_id`,`phone`) WHERE "voucher_redemptions"."released_at" IS NULL;--> statement-breakpoint
CREATE INDEX `voucher_redemptions_user_idx` ON `voucher_redemptions` (`voucher_id`,`user_id`) WHERE "voucher_redemptions"."released_at" IS NULL;--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`percent` integer,
	`cap_vnd` integer,
	`amount_vnd` integer,
	`min_order_vnd` integer DEFAULT 0 NOT NULL,
	`total_uses` integer NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`per_buyer` integer DEFAULT 1 NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`disabled_at` integer,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "vouchers_code" CHECK(length("vouchers"."code") BETWEEN 4 AND 16 AND "vouchers"."code" NOT GLOB '*[^A-Z0-9]*'),
	CONSTRAINT "vouchers_terms" CHECK(("vouchers"."kind" = 'percent' AND "vouchers"."percent" BETWEEN 1 AND 90 AND "vouchers"."amount_vnd" IS NULL AND ("vouchers"."cap_vnd" IS NULL OR "vouchers"."cap_vnd" > 0))
       OR ("vouchers"."kind" = 'fixed' AND "vouchers"."amount_vnd" > 0 AND "vouchers"."percent" IS NULL AND "vouchers"."cap_vnd" IS NULL)),
	CONSTRAINT "vouchers_uses" CHECK("vouchers"."total_uses" > 0 AND "vouchers"."used" >= 0 AND "vouchers"."used" <= "vouchers"."total_uses" AND "vouchers"."per_buyer" >= 1),
	CONSTRAINT "vouchers_min_order" CHECK("vouchers"."min_order_vnd" >= 0),
	CONSTRAINT "vouchers_dates" CHECK("vouchers"."starts_on" <= "vouchers"."ends_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_code_unique` ON `vouchers` (`code`);--> statement-breakpoint
CREATE INDEX `vouchers_producer_idx` ON `vouchers` (`producer_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `order_parts` ADD `platform_discount_vnd` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- ───── Hand-written (ADR 0019), not generated by drizzle-kit ─────
-- SQLite adds no table CHECK to an existing table without rebuilding it (and rebuilding order_parts
-- inside the migrator's transaction, with foreign keys on, would cascade). These triggers are the
-- CHECK of the new column: the platform's share of a part's discount is never negative.
CREATE TRIGGER `order_parts_platform_discount_insert` BEFORE INSERT ON `order_parts`
WHEN NEW.`platform_discount_vnd` < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: order_parts_platform_discount'); END;--> statement-breakpoint
CREATE TRIGGER `order_parts_platform_discount_update` BEFORE UPDATE OF `platform_discount_vnd` ON `order_parts`
WHEN NEW.`platform_discount_vnd` < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: order_parts_platform_discount'); END;
