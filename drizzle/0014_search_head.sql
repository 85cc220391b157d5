-- Search looks for products by what they are before everything said about them (ADR 0002).
-- productSearchText writes search_text as two lines, "name province" then "group producer
-- description"; this index holds the first line. Rows written before have one line, which stays
-- their first line (the old behaviour) until the product is saved again.
CREATE VIEW `products_search_head` AS
SELECT `id`,
	CASE instr(`search_text`, char(10)) WHEN 0 THEN `search_text`
	ELSE substr(`search_text`, 1, instr(`search_text`, char(10)) - 1) END AS `search_head`
FROM `products`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `products_head_fts` USING fts5(
	search_head,
	content='products_search_head',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='1 2 3'
);
--> statement-breakpoint
INSERT INTO `products_head_fts`(`products_head_fts`) VALUES ('rebuild');
--> statement-breakpoint
-- The view computes the line once for every trigger; removals read it before the row changes, since
-- FTS5 must be told the exact text it indexed.
CREATE TRIGGER `products_head_fts_after_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO products_head_fts(rowid, search_head) SELECT id, search_head FROM products_search_head WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_head_fts_before_delete` BEFORE DELETE ON `products` BEGIN
	INSERT INTO products_head_fts(products_head_fts, rowid, search_head)
		SELECT 'delete', id, search_head FROM products_search_head WHERE id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_head_fts_before_update` BEFORE UPDATE OF search_text ON `products` BEGIN
	INSERT INTO products_head_fts(products_head_fts, rowid, search_head)
		SELECT 'delete', id, search_head FROM products_search_head WHERE id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_head_fts_after_update` AFTER UPDATE OF search_text ON `products` BEGIN
	INSERT INTO products_head_fts(rowid, search_head) SELECT id, search_head FROM products_search_head WHERE id = new.id;
END;
