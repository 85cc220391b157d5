-- Sales facts for the staff dashboard (PRODUCT.md §3 "Dashboard"; §4: ≤ 200 ms on 200,000 orders).
--
-- A sale is a producer's part of an order that was paid and is not cancelled or refunded (status
-- paid, confirmed, shipped or delivered), dated by its order's paid_at and placed in the province
-- of its producer. The dashboard sums these over a date range by month, province, OCOP group and
-- the products' current stars. Answered from orders, order_parts, order_items, producers and
-- products, that is three to four joins per line: measured on 200,000 orders (312,000 parts,
-- 515,000 lines, 100,000 products), a year took 290 ms for the totals by month and province and
-- 810 ms for group and stars, even with covering indexes on all three order tables (each line's
-- lookup of its product alone costs ~2.7 µs: product rows are wide and do not stay in the cache).
--
-- So the facts are kept, one narrow row per paid part and per line of a paid part, by the triggers
-- below, in the same transaction as whatever changes an order, a part, a line, a product or a
-- producer — no application code has to remember them, as with products' copies of their
-- producer (0001). A line carries its product's group and badge cache (badge_stars,
-- badge_expires_on), so "current stars" is decided at query time by the same rule as the catalog
-- (badge-cache.server.ts, badgeValidSql). With the indexes below each figure is one index scan
-- without a sort: the year above takes about 10 ms by month, 15 ms by province, 40 ms by group
-- and stars. These tables are SQL-only, like products_fts: nothing but these triggers writes them.
CREATE TABLE `sale_parts` (
	`part_id` integer PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`paid_at` integer NOT NULL,
	`goods_total_vnd` integer NOT NULL,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`part_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`province_code` text NOT NULL,
	`paid_at` integer NOT NULL,
	`group_code` text NOT NULL,
	`badge_stars` integer,
	`badge_expires_on` text,
	`line_total_vnd` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Orders paid before this migration.
INSERT INTO `sale_parts` (part_id, province_code, paid_at, goods_total_vnd)
	SELECT op.id, pr.province_code, o.paid_at, op.goods_total_vnd
	FROM order_parts op JOIN orders o ON o.id = op.order_id JOIN producers pr ON pr.id = op.producer_id
	WHERE op.status IN ('paid', 'confirmed', 'shipped', 'delivered') AND o.paid_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO `sale_lines` (item_id, part_id, product_id, province_code, paid_at, group_code, badge_stars, badge_expires_on, line_total_vnd)
	SELECT oi.id, oi.part_id, oi.product_id, sp.province_code, sp.paid_at, p.group_code, p.badge_stars, p.badge_expires_on, oi.line_total_vnd
	FROM order_items oi JOIN sale_parts sp ON sp.part_id = oi.part_id JOIN products p ON p.id = oi.product_id;
--> statement-breakpoint
-- Totals by month (one range per month) and for a province (the second, also grouped by province).
CREATE INDEX `sale_parts_paid_idx` ON `sale_parts` (`paid_at`,`province_code`,`goods_total_vnd`);--> statement-breakpoint
CREATE INDEX `sale_parts_province_idx` ON `sale_parts` (`province_code`,`paid_at`,`goods_total_vnd`);--> statement-breakpoint
-- Revenue by group and stars in index order, so the GROUP BY needs no sort (a sort of 280,000
-- lines took 560 ms); the rest of the columns make it covering.
CREATE INDEX `sale_lines_group_idx` ON `sale_lines` (`group_code`,`badge_stars`,`paid_at`,`province_code`,`badge_expires_on`,`line_total_vnd`);--> statement-breakpoint
CREATE INDEX `sale_lines_part_idx` ON `sale_lines` (`part_id`);--> statement-breakpoint
CREATE INDEX `sale_lines_product_idx` ON `sale_lines` (`product_id`);--> statement-breakpoint
-- A part placed as already paid (bulk loads; checkout places parts awaiting payment). Its lines
-- follow through sale_lines_after_item_insert.
CREATE TRIGGER `sale_parts_after_part_insert` AFTER INSERT ON `order_parts`
WHEN new.status IN ('paid', 'confirmed', 'shipped', 'delivered') BEGIN
	INSERT INTO sale_parts (part_id, province_code, paid_at, goods_total_vnd)
		SELECT new.id, pr.province_code, o.paid_at, new.goods_total_vnd
		FROM orders o JOIN producers pr ON pr.id = new.producer_id
		WHERE o.id = new.order_id AND o.paid_at IS NOT NULL;
END;
--> statement-breakpoint
-- Paying, cancelling or refunding a part; moves between paid, confirmed, shipped and delivered
-- change nothing here and are skipped.
CREATE TRIGGER `sale_parts_after_part_update` AFTER UPDATE OF status, goods_total_vnd, producer_id, order_id ON `order_parts`
WHEN (old.status IN ('paid', 'confirmed', 'shipped', 'delivered')) IS NOT (new.status IN ('paid', 'confirmed', 'shipped', 'delivered'))
	OR old.goods_total_vnd IS NOT new.goods_total_vnd OR old.producer_id IS NOT new.producer_id OR old.order_id IS NOT new.order_id BEGIN
	DELETE FROM sale_lines WHERE part_id = old.id;
	DELETE FROM sale_parts WHERE part_id = old.id;
	INSERT INTO sale_parts (part_id, province_code, paid_at, goods_total_vnd)
		SELECT new.id, pr.province_code, o.paid_at, new.goods_total_vnd
		FROM orders o JOIN producers pr ON pr.id = new.producer_id
		WHERE o.id = new.order_id AND o.paid_at IS NOT NULL AND new.status IN ('paid', 'confirmed', 'shipped', 'delivered');
	INSERT INTO sale_lines (item_id, part_id, product_id, province_code, paid_at, group_code, badge_stars, badge_expires_on, line_total_vnd)
		SELECT oi.id, sp.part_id, oi.product_id, sp.province_code, sp.paid_at, p.group_code, p.badge_stars, p.badge_expires_on, oi.line_total_vnd
		FROM sale_parts sp JOIN order_items oi ON oi.part_id = sp.part_id JOIN products p ON p.id = oi.product_id
		WHERE sp.part_id = new.id;
END;
--> statement-breakpoint
-- The payment's time dates every sale of the order (applyPayment sets it before it moves the parts).
CREATE TRIGGER `sale_parts_after_paid_at` AFTER UPDATE OF paid_at ON `orders`
WHEN old.paid_at IS NOT new.paid_at BEGIN
	DELETE FROM sale_lines WHERE part_id IN (SELECT id FROM order_parts WHERE order_id = new.id);
	DELETE FROM sale_parts WHERE part_id IN (SELECT id FROM order_parts WHERE order_id = new.id);
	INSERT INTO sale_parts (part_id, province_code, paid_at, goods_total_vnd)
		SELECT op.id, pr.province_code, new.paid_at, op.goods_total_vnd
		FROM order_parts op JOIN producers pr ON pr.id = op.producer_id
		WHERE op.order_id = new.id AND new.paid_at IS NOT NULL AND op.status IN ('paid', 'confirmed', 'shipped', 'delivered');
	INSERT INTO sale_lines (item_id, part_id, product_id, province_code, paid_at, group_code, badge_stars, badge_expires_on, line_total_vnd)
		SELECT oi.id, oi.part_id, oi.product_id, sp.province_code, sp.paid_at, p.group_code, p.badge_stars, p.badge_expires_on, oi.line_total_vnd
		FROM order_items oi JOIN sale_parts sp ON sp.part_id = oi.part_id JOIN products p ON p.id = oi.product_id
		WHERE oi.order_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `sale_lines_after_item_insert` AFTER INSERT ON `order_items` BEGIN
	INSERT INTO sale_lines (item_id, part_id, product_id, province_code, paid_at, group_code, badge_stars, badge_expires_on, line_total_vnd)
		SELECT new.id, new.part_id, new.product_id, sp.province_code, sp.paid_at, p.group_code, p.badge_stars, p.badge_expires_on, new.line_total_vnd
		FROM sale_parts sp JOIN products p ON p.id = new.product_id
		WHERE sp.part_id = new.part_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sale_lines_after_item_update` AFTER UPDATE OF part_id, product_id, line_total_vnd ON `order_items` BEGIN
	DELETE FROM sale_lines WHERE item_id = old.id;
	INSERT INTO sale_lines (item_id, part_id, product_id, province_code, paid_at, group_code, badge_stars, badge_expires_on, line_total_vnd)
		SELECT new.id, new.part_id, new.product_id, sp.province_code, sp.paid_at, p.group_code, p.badge_stars, p.badge_expires_on, new.line_total_vnd
		FROM sale_parts sp JOIN products p ON p.id = new.product_id
		WHERE sp.part_id = new.part_id;
END;
--> statement-breakpoint
-- A product's group or certificate changes: its past sales count under its current ones.
CREATE TRIGGER `sale_lines_after_product_update` AFTER UPDATE OF group_code, badge_stars, badge_expires_on ON `products`
WHEN old.group_code IS NOT new.group_code OR old.badge_stars IS NOT new.badge_stars OR old.badge_expires_on IS NOT new.badge_expires_on BEGIN
	UPDATE sale_lines SET group_code = new.group_code, badge_stars = new.badge_stars, badge_expires_on = new.badge_expires_on
		WHERE product_id = new.id;
END;
--> statement-breakpoint
-- A producer's province changes (the units are replaceable by a data migration): its sales follow it.
CREATE TRIGGER `sale_parts_after_producer_province` AFTER UPDATE OF province_code ON `producers`
WHEN old.province_code IS NOT new.province_code BEGIN
	UPDATE sale_parts SET province_code = new.province_code
		WHERE part_id IN (SELECT id FROM order_parts WHERE producer_id = new.id);
	UPDATE sale_lines SET province_code = new.province_code
		WHERE part_id IN (SELECT id FROM order_parts WHERE producer_id = new.id);
END;
