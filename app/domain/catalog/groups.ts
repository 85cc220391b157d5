/** The six OCOP product groups of Decision 919/QĐ-TTg (2022), by their stable codes. */
export const PRODUCT_GROUPS = ["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"] as const;
export type ProductGroup = (typeof PRODUCT_GROUPS)[number];

export function isProductGroup(value: unknown): value is ProductGroup {
  return typeof value === "string" && (PRODUCT_GROUPS as readonly string[]).includes(value);
}

/** Official Vietnamese names, used in search text so "thuc pham" finds food goods. */
export const GROUP_NAMES_VI: Record<ProductGroup, string> = {
  food: "Thực phẩm",
  beverage: "Đồ uống",
  herbal: "Dược liệu và sản phẩm từ dược liệu",
  handicraft: "Thủ công mỹ nghệ",
  ornamental: "Sinh vật cảnh",
  tourism: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
};
