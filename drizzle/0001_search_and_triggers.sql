-- Full-text search over products.search_text (already folded: no diacritics, đ → d, lower case),
-- as an external-content FTS5 table so the text is stored once. Prefix indexes make
-- as-you-type queries such as "st2*" or "nuo* ma*" cheap.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	search_text,
	content='products',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO products_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_delete` AFTER DELETE ON `products` BEGIN
	INSERT INTO products_fts(products_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_update` AFTER UPDATE OF search_text ON `products` BEGIN
	INSERT INTO products_fts(products_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
	INSERT INTO products_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
-- products copies two facts of its producer so public listings filter on one table;
-- these triggers keep the copies true whatever code changes the producer.
CREATE TRIGGER `products_copy_producer_on_insert` AFTER INSERT ON `products` BEGIN
	UPDATE products SET
		province_code = (SELECT province_code FROM producers WHERE id = new.producer_id),
		producer_verified = (SELECT verification_status = 'approved' FROM producers WHERE id = new.producer_id)
	WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `producers_copy_to_products` AFTER UPDATE OF province_code, verification_status ON `producers` BEGIN
	UPDATE products SET
		province_code = new.province_code,
		producer_verified = (new.verification_status = 'approved')
	WHERE producer_id = new.id;
END;
