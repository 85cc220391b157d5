import { foldVietnamese } from "./fold";
import { GROUP_NAMES_VI, type ProductGroup } from "./groups";

/**
 * Folds text into search words (ADR 0002) and splits letters from digits, so "ST25", "ST 25" and
 * "st25" are the same words ("st 25") whichever way a seller wrote the name and a shopper typed it.
 */
export function foldForSearch(text: string): string {
  return foldVietnamese(text).replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, " ");
}

/** What a product is found by: its name first, then producer, place, group and description. */
export function productSearchText(p: {
  name: string;
  producerName: string;
  provinceName: string;
  groupCode: ProductGroup;
  description: string;
}): string {
  return foldForSearch([p.name, p.producerName, p.provinceName, GROUP_NAMES_VI[p.groupCode], p.description].join(" "));
}
