import type { ProductGroup } from "~/domain/catalog/groups";
import type { Motif } from "./photos.server";

/** A demo product, as a producer would list it. */
export interface DemoProduct {
  /** Unique across the demo data; collections and certificates refer to products by it. */
  key: string;
  name: string;
  group: ProductGroup;
  unit: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
  description: string;
  /** What its demo photo shows (photos.server.ts draws each kind of goods). */
  motif: Motif;
  /** Defaults to "live". */
  status?: "live" | "draft";
  /**
   * Sold in several sizes: the first is named `sizeLabel` (with the price, stock and weight above),
   * `moreSizes` follow in order.
   */
  sizeLabel?: string;
  moreSizes?: DemoSize[];
}

/** Another size of a demo product. */
export interface DemoSize {
  label: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
  /** A GS1 GTIN with a valid check digit. */
  gtin?: string;
}

/** A demo OCOP certificate; its decision date is `monthsAgo` months before the day of seeding. */
export interface DemoCertificate {
  number: string;
  stars: 3 | 4 | 5;
  score: number;
  monthsAgo: number;
  /** Keys of this producer's products that the certificate covers. */
  products: string[];
  revokedReason?: string;
}

export interface DemoProducer {
  key: string;
  name: string;
  entityType: "cooperative" | "cooperative_group" | "household" | "enterprise";
  provinceCode: string;
  wardCode: string;
  addressLine: string;
  phone: string;
  story: string;
  /** Defaults to "approved". */
  verification?: "approved" | "pending";
  /** Where payouts go: a bank's NAPAS BIN, the account number and its holder as the bank spells it. */
  bank?: { bin: string; accountNo: string; accountName: string };
  /** Email of the demo account that owns this producer, if any. */
  ownerEmail?: string;
  products: DemoProduct[];
  certificates: DemoCertificate[];
}
