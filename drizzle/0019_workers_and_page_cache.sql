CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `page_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`name` text NOT NULL,
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`name`, `key`)
);
--> statement-breakpoint
CREATE INDEX `rate_limits_window_start` ON `rate_limits` (`window_start`);--> statement-breakpoint
-- Hand-written (ADR 0021): the one generation row, and the triggers that move it on every change to what the storefront shows.
INSERT INTO `page_generation` (`id`, `value`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `page_generation_producers_insert` AFTER INSERT ON `producers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_producers_update` AFTER UPDATE ON `producers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_producers_delete` AFTER DELETE ON `producers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_producer_photos_insert` AFTER INSERT ON `producer_photos` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_producer_photos_update` AFTER UPDATE ON `producer_photos` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_producer_photos_delete` AFTER DELETE ON `producer_photos` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_products_insert` AFTER INSERT ON `products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_products_update` AFTER UPDATE ON `products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_products_delete` AFTER DELETE ON `products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_variants_insert` AFTER INSERT ON `product_variants` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_variants_update` AFTER UPDATE ON `product_variants` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_variants_delete` AFTER DELETE ON `product_variants` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_photos_insert` AFTER INSERT ON `product_photos` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_photos_update` AFTER UPDATE ON `product_photos` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_photos_delete` AFTER DELETE ON `product_photos` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificates_insert` AFTER INSERT ON `certificates` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificates_update` AFTER UPDATE ON `certificates` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificates_delete` AFTER DELETE ON `certificates` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificate_products_insert` AFTER INSERT ON `certificate_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificate_products_update` AFTER UPDATE ON `certificate_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificate_products_delete` AFTER DELETE ON `certificate_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificate_evidence_insert` AFTER INSERT ON `certificate_evidence` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificate_evidence_update` AFTER UPDATE ON `certificate_evidence` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_certificate_evidence_delete` AFTER DELETE ON `certificate_evidence` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_collections_insert` AFTER INSERT ON `collections` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_collections_update` AFTER UPDATE ON `collections` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_collections_delete` AFTER DELETE ON `collections` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_collection_products_insert` AFTER INSERT ON `collection_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_collection_products_update` AFTER UPDATE ON `collection_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_collection_products_delete` AFTER DELETE ON `collection_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_reviews_insert` AFTER INSERT ON `reviews` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_reviews_update` AFTER UPDATE ON `reviews` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_reviews_delete` AFTER DELETE ON `reviews` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_questions_insert` AFTER INSERT ON `product_questions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_questions_update` AFTER UPDATE ON `product_questions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_product_questions_delete` AFTER DELETE ON `product_questions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaigns_insert` AFTER INSERT ON `campaigns` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaigns_update` AFTER UPDATE ON `campaigns` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaigns_delete` AFTER DELETE ON `campaigns` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaign_producers_insert` AFTER INSERT ON `campaign_producers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaign_producers_update` AFTER UPDATE ON `campaign_producers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaign_producers_delete` AFTER DELETE ON `campaign_producers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaign_products_insert` AFTER INSERT ON `campaign_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaign_products_update` AFTER UPDATE ON `campaign_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_campaign_products_delete` AFTER DELETE ON `campaign_products` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_vouchers_insert` AFTER INSERT ON `vouchers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_vouchers_update` AFTER UPDATE ON `vouchers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_vouchers_delete` AFTER DELETE ON `vouchers` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
