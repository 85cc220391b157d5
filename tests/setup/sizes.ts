/**
 * SQL: the product (alias `alias`, or the table itself) is sold in one unnamed size, as every product
 * was before sizes came (ADR 0020). Tests that buy "a product" by `productId` (PRODUCT.md §5) and
 * reckon with its stock pick such products; tests/integration/variants.test.ts buys sizes.
 */
export const soldInOneSize = (alias = "products") =>
  `NOT EXISTS (SELECT 1 FROM product_variants one_size WHERE one_size.product_id = ${alias}.id AND one_size.label <> '')`;
