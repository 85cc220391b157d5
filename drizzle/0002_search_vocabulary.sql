-- The terms of the product index, read by the typo-tolerant search to find what a mistyped word meant.
CREATE VIRTUAL TABLE `products_fts_vocab` USING fts5vocab(products_fts, 'row');
