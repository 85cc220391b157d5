import { foldVietnamese } from "./fold";
import { GROUP_NAMES_VI, type ProductGroup } from "./groups";

/**
 * Folds text into search words (ADR 0002) and splits letters from digits, so "ST25", "ST 25" and
 * "st25" are the same words ("st 25") whichever way a seller wrote the name and a shopper typed it.
 */
export function foldForSearch(text: string): string {
  return foldVietnamese(text).replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, " ");
}

/**
 * What a product is found by, in two lines: first what it is and where from (name, province), then
 * the rest (group, producer, description). Search tries the first line alone before the whole text,
 * so "nước mắm" finds the fish sauces and not the squid cake whose maker and recipe mention fish
 * sauce; the products_head_fts index reads that line (migration 0013). The group's long official
 * name stays on the second line: its "sản phẩm" made "đặc sản" find every herbal "đặc biệt".
 */
export function productSearchText(p: {
  name: string;
  producerName: string;
  provinceName: string;
  groupCode: ProductGroup;
  description: string;
}): string {
  const head = foldForSearch([p.name, p.provinceName].join(" "));
  return `${head}\n${foldForSearch([GROUP_NAMES_VI[p.groupCode], p.producerName, p.description].join(" "))}`;
}
