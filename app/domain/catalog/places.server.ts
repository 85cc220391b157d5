import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { meta, provinces, wards } from "~/db/schema";
import type { Language } from "~/i18n/translate";
import { provinceName } from "./place-names";

export type Province = typeof provinces.$inferSelect;

// The 34 provinces change only through a data migration at start, so one read per process is enough.
let provinceCache: Province[] | undefined;
let snapshotCache: string | undefined;

export function listProvinces(): Province[] {
  provinceCache ??= getDb().select().from(provinces).orderBy(provinces.code).all();
  return provinceCache;
}

/** Province names by code in the visitor's language, for cards and lists. */
export function provinceNames(lang: Language): Record<string, string> {
  return Object.fromEntries(listProvinces().map((p) => [p.code, provinceName(p, lang)]));
}

export function provinceByCode(code: string): Province | undefined {
  return listProvinces().find((p) => p.code === code);
}

/** Snapshot date of the administrative-units data set, shown in the footer as its source. */
export function adminUnitsSnapshot(): string {
  snapshotCache ??=
    getDb().select().from(meta).where(eq(meta.key, "admin_units_snapshot")).get()?.value ?? "";
  return snapshotCache;
}

/** The communes and wards of a province, by name, for the address pickers. */
export function listWards(provinceCode: string): { code: string; fullName: string }[] {
  return getDb()
    .select({ code: wards.code, fullName: wards.fullName })
    .from(wards)
    .where(eq(wards.provinceCode, provinceCode))
    .orderBy(wards.name)
    .all();
}

/** True when the ward belongs to the province: an address is only ever a matching pair. */
export function wardIsInProvince(wardCode: string, provinceCode: string): boolean {
  const ward = getDb().select({ provinceCode: wards.provinceCode }).from(wards).where(eq(wards.code, wardCode)).get();
  return ward?.provinceCode === provinceCode;
}
