CREATE TABLE `certificate_products` (
	`certificate_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	PRIMARY KEY(`certificate_id`, `product_id`),
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `certificate_products_product_idx` ON `certificate_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`number` text NOT NULL,
	`stars` integer NOT NULL,
	`score` integer,
	`issuer_name` text NOT NULL,
	`issuer_level` text NOT NULL,
	`issuer_province_code` text,
	`decision_date` text NOT NULL,
	`expires_on` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`revoked_reason` text,
	`revoked_at` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuer_province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certificates_stars" CHECK("certificates"."stars" BETWEEN 3 AND 5),
	CONSTRAINT "certificates_score" CHECK("certificates"."score" IS NULL OR "certificates"."score" BETWEEN 50 AND 100),
	CONSTRAINT "certificates_level" CHECK(("certificates"."issuer_level" = 'central') = ("certificates"."issuer_province_code" IS NULL)),
	CONSTRAINT "certificates_revocation" CHECK(("certificates"."status" = 'revoked') = ("certificates"."revoked_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `certificates_producer_idx` ON `certificates` (`producer_id`);--> statement-breakpoint
CREATE INDEX `certificates_expiry_idx` ON `certificates` (`status`,`expires_on`);--> statement-breakpoint
CREATE INDEX `certificates_decision_idx` ON `certificates` (`decision_date`);--> statement-breakpoint
CREATE TABLE `collection_products` (
	`collection_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`collection_id`, `product_id`),
	FOREIGN KEY (`collection_id`) REFERENCES `collections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collection_products_order_idx` ON `collection_products` (`collection_id`,`position`);--> statement-breakpoint
CREATE TABLE `collections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collections_slug_unique` ON `collections` (`slug`);--> statement-breakpoint
CREATE INDEX `collections_window_idx` ON `collections` (`starts_on`,`ends_on`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `producer_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`producer_id` integer NOT NULL,
	`file` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `producer_photos_producer_idx` ON `producer_photos` (`producer_id`,`position`);--> statement-breakpoint
CREATE TABLE `producers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`owner_user_id` integer,
	`name` text NOT NULL,
	`entity_type` text NOT NULL,
	`province_code` text NOT NULL,
	`ward_code` text NOT NULL,
	`address_line` text NOT NULL,
	`story` text DEFAULT '' NOT NULL,
	`phone` text,
	`verification_status` text DEFAULT 'pending' NOT NULL,
	`verified_at` integer,
	`bank_bin` text,
	`bank_account_no` text,
	`bank_account_name` text,
	`free_shipping_threshold_vnd` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producers_slug_unique` ON `producers` (`slug`);--> statement-breakpoint
CREATE INDEX `producers_province_idx` ON `producers` (`province_code`);--> statement-breakpoint
CREATE INDEX `producers_owner_idx` ON `producers` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `product_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`file` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_photos_product_idx` ON `product_photos` (`product_id`,`position`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`producer_id` integer NOT NULL,
	`province_code` text NOT NULL,
	`group_code` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`price_vnd` integer NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`weight_grams` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`producer_verified` integer DEFAULT false NOT NULL,
	`badge_certificate_id` integer,
	`badge_stars` integer,
	`badge_expires_on` text,
	`search_text` text DEFAULT '' NOT NULL,
	`sold_count` integer DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` integer DEFAULT 0 NOT NULL,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "products_price_positive" CHECK("products"."price_vnd" > 0),
	CONSTRAINT "products_stock_non_negative" CHECK("products"."stock" >= 0),
	CONSTRAINT "products_weight_non_negative" CHECK("products"."weight_grams" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_producer_idx` ON `products` (`producer_id`);--> statement-breakpoint
CREATE INDEX `products_public_newest_idx` ON `products` (`status`,`producer_verified`,`published_at`);--> statement-breakpoint
CREATE INDEX `products_public_group_idx` ON `products` (`status`,`producer_verified`,`group_code`,`published_at`);--> statement-breakpoint
CREATE INDEX `products_public_province_idx` ON `products` (`status`,`producer_verified`,`province_code`,`published_at`);--> statement-breakpoint
CREATE INDEX `products_public_province_group_idx` ON `products` (`status`,`producer_verified`,`province_code`,`group_code`,`published_at`);--> statement-breakpoint
CREATE INDEX `products_public_stars_idx` ON `products` (`status`,`producer_verified`,`badge_stars`,`published_at`);--> statement-breakpoint
CREATE INDEX `products_public_price_idx` ON `products` (`status`,`producer_verified`,`price_vnd`);--> statement-breakpoint
CREATE INDEX `products_public_sold_idx` ON `products` (`status`,`producer_verified`,`sold_count`);--> statement-breakpoint
CREATE INDEX `products_badge_certificate_idx` ON `products` (`badge_certificate_id`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`full_name` text NOT NULL,
	`full_name_en` text NOT NULL,
	`slug` text NOT NULL,
	`region` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provinces_slug_unique` ON `provinces` (`slug`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text,
	`phone` text,
	`full_name` text NOT NULL,
	`password_hash` text,
	`role` text NOT NULL,
	`province_code` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_login_present" CHECK("users"."email" IS NOT NULL OR "users"."phone" IS NOT NULL),
	CONSTRAINT "users_staff_scope" CHECK(("users"."role" = 'staff') = ("users"."province_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE TABLE `wards` (
	`code` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`full_name` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wards_province_idx` ON `wards` (`province_code`);