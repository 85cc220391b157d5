CREATE TABLE `product_variants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`price_vnd` integer NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`weight_grams` integer DEFAULT 0 NOT NULL,
	`gtin` text,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "product_variants_price_positive" CHECK("product_variants"."price_vnd" > 0),
	CONSTRAINT "product_variants_stock_non_negative" CHECK("product_variants"."stock" >= 0),
	CONSTRAINT "product_variants_weight_non_negative" CHECK("product_variants"."weight_grams" >= 0)
);
--> statement-breakpoint
CREATE INDEX `product_variants_product_idx` ON `product_variants` (`product_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `product_variants_label_idx` ON `product_variants` (`product_id`,`label`) WHERE "product_variants"."archived_at" IS NULL;--> statement-breakpoint
-- Hand-written (ADR 0020): every existing product becomes one variant with an empty label, carrying
-- its price, stock and weight; carts and order lines then point at it.
INSERT INTO `product_variants` (`product_id`, `label`, `price_vnd`, `stock`, `weight_grams`, `position`, `created_at`)
	SELECT `id`, '', `price_vnd`, `stock`, `weight_grams`, 0, `created_at` FROM `products` ORDER BY `id`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_cart_items` (
	`cart_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`cart_id`, `variant_id`),
	FOREIGN KEY (`cart_id`) REFERENCES `carts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`variant_id`) REFERENCES `product_variants`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cart_items_quantity_positive" CHECK("__new_cart_items"."quantity" > 0)
);
--> statement-breakpoint
-- Hand-written: each cart line moves to its product's one variant.
INSERT INTO `__new_cart_items`("cart_id", "variant_id", "quantity", "added_at")
	SELECT ci."cart_id", v."id", ci."quantity", ci."added_at" FROM `cart_items` ci JOIN `product_variants` v ON v."product_id" = ci."product_id";--> statement-breakpoint
DROP TABLE `cart_items`;--> statement-breakpoint
ALTER TABLE `__new_cart_items` RENAME TO `cart_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `order_items` ADD `variant_id` integer REFERENCES product_variants(id);--> statement-breakpoint
ALTER TABLE `order_items` ADD `variant_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `max_price_vnd` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `products_public_max_price_idx` ON `products` (`status`,`producer_verified`,`max_price_vnd`);--> statement-breakpoint
-- Hand-written from here on (ADR 0020).
UPDATE `order_items` SET `variant_id` = (SELECT v.`id` FROM `product_variants` v WHERE v.`product_id` = `order_items`.`product_id`);--> statement-breakpoint
UPDATE `products` SET `max_price_vnd` = `price_vnd`;--> statement-breakpoint
-- Every product has a size from its first moment: an insert into products (the form, an import, the
-- seed, a test's factory) makes one unnamed size of the row's price, stock and weight. Code that
-- sells more sizes names this one and adds the others.
CREATE TRIGGER `products_first_variant` AFTER INSERT ON `products` BEGIN
	INSERT INTO `product_variants` (`product_id`, `label`, `price_vnd`, `stock`, `weight_grams`, `position`)
		VALUES (new.`id`, '', new.`price_vnd`, new.`stock`, new.`weight_grams`, 0);
END;--> statement-breakpoint
-- The product's summary of its sizes on sale: lowest and highest price, stock over all sizes, the
-- first size's weight. Recomputed when a size is added, changed, archived or deleted; a product
-- always keeps one size on sale (the domain refuses to archive the last), and if it ever had none
-- the summary keeps its last values rather than break the products' CHECKs.
CREATE TRIGGER `product_variants_summary_after_insert` AFTER INSERT ON `product_variants` BEGIN
	UPDATE `products` SET
		`price_vnd` = coalesce((SELECT min(`price_vnd`) FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL), `price_vnd`),
		`max_price_vnd` = coalesce((SELECT max(`price_vnd`) FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL), `max_price_vnd`),
		`stock` = (SELECT coalesce(sum(`stock`), 0) FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL),
		`weight_grams` = coalesce((SELECT `weight_grams` FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL ORDER BY `position`, `id` LIMIT 1), `weight_grams`)
	WHERE `id` = new.`product_id`;
END;--> statement-breakpoint
CREATE TRIGGER `product_variants_summary_after_update` AFTER UPDATE OF `price_vnd`, `stock`, `weight_grams`, `position`, `archived_at` ON `product_variants` BEGIN
	UPDATE `products` SET
		`price_vnd` = coalesce((SELECT min(`price_vnd`) FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL), `price_vnd`),
		`max_price_vnd` = coalesce((SELECT max(`price_vnd`) FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL), `max_price_vnd`),
		`stock` = (SELECT coalesce(sum(`stock`), 0) FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL),
		`weight_grams` = coalesce((SELECT `weight_grams` FROM `product_variants` WHERE `product_id` = new.`product_id` AND `archived_at` IS NULL ORDER BY `position`, `id` LIMIT 1), `weight_grams`)
	WHERE `id` = new.`product_id`;
END;--> statement-breakpoint
CREATE TRIGGER `product_variants_summary_after_delete` AFTER DELETE ON `product_variants` BEGIN
	UPDATE `products` SET
		`price_vnd` = coalesce((SELECT min(`price_vnd`) FROM `product_variants` WHERE `product_id` = old.`product_id` AND `archived_at` IS NULL), `price_vnd`),
		`max_price_vnd` = coalesce((SELECT max(`price_vnd`) FROM `product_variants` WHERE `product_id` = old.`product_id` AND `archived_at` IS NULL), `max_price_vnd`),
		`stock` = (SELECT coalesce(sum(`stock`), 0) FROM `product_variants` WHERE `product_id` = old.`product_id` AND `archived_at` IS NULL),
		`weight_grams` = coalesce((SELECT `weight_grams` FROM `product_variants` WHERE `product_id` = old.`product_id` AND `archived_at` IS NULL ORDER BY `position`, `id` LIMIT 1), `weight_grams`)
	WHERE `id` = old.`product_id`;
END;
