import type { CartLine } from "~/domain/orders/cart";

/**
 * A cart line as the cart reads it (pure, no database), for the unit tests of the cart's and the
 * quote's rules: a 100.000 ₫ kilogram from a producer in Cần Thơ, unless the test says otherwise.
 */
export function aCartLine(overrides: Partial<CartLine> & Pick<CartLine, "productId" | "producerId">): CartLine {
  return {
    variantId: overrides.productId,
    variantLabel: "",
    slug: `san-pham-${overrides.productId}`,
    name: `Sản phẩm ${overrides.productId}`,
    unit: "kg",
    priceVnd: 100_000,
    stock: 10,
    weightGrams: 1_000,
    quantity: 1,
    available: true,
    producerName: `Nhà sản xuất ${overrides.producerId}`,
    producerSlug: `nha-san-xuat-${overrides.producerId}`,
    producerProvinceCode: "92",
    producerRegion: "south",
    freeShippingThresholdVnd: null,
    photo: null,
    ...overrides,
  };
}
