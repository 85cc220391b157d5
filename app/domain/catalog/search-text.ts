import { foldVietnamese } from "./fold";
import { GROUP_NAMES_VI, type ProductGroup } from "./groups";

/** What a product is found by: its name first, then producer, place, group and description. */
export function productSearchText(p: {
  name: string;
  producerName: string;
  provinceName: string;
  groupCode: ProductGroup;
  description: string;
}): string {
  return foldVietnamese(
    [p.name, p.producerName, p.provinceName, GROUP_NAMES_VI[p.groupCode], p.description].join(" "),
  );
}
