import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { meta, provinces, wards } from "~/db/schema";
import type { Language } from "~/i18n/translate";
import { communeEntry, type CommuneEntry } from "./commune-finder";
import { provinceName, sortByName } from "./place-names";

export type Province = typeof provinces.$inferSelect;

// The 34 provinces change only through a data migration at start, so one read per process is enough.
let provinceCache: Province[] | undefined;
let snapshotCache: string | undefined;

export function listProvinces(): Province[] {
  provinceCache ??= getDb().select().from(provinces).orderBy(provinces.code).all();
  return provinceCache;
}

/**
 * Province names by code in the visitor's language, to look a name up. Not for listing: an object
 * keyed by code enumerates integer-like keys ("11"…"96") before "01", "04" and "08", so its order is
 * neither the codes' nor the names'. Lists use `provinceOptions`.
 */
export function provinceNames(lang: Language): Record<string, string> {
  return Object.fromEntries(listProvinces().map((p) => [p.code, provinceName(p, lang)]));
}

export interface ProvinceOption {
  code: string;
  name: string;
  region: Province["region"];
}

const optionsCache = new Map<Language, ProvinceOption[]>();

/** The provinces in the visitor's language, sorted by name: every list and picker of provinces shows this order. */
export function provinceOptions(lang: Language): ProvinceOption[] {
  let options = optionsCache.get(lang);
  if (!options) {
    options = sortByName(
      listProvinces().map((p) => ({ code: p.code, name: provinceName(p, lang), region: p.region })),
      lang,
    );
    optionsCache.set(lang, options);
  }
  return options;
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

const communeIndex = new Map<Language, CommuneEntry[]>();

/** Every commune and ward with its province, for the commune finder, in the visitor's language. */
export function communeEntries(lang: Language): CommuneEntry[] {
  let entries = communeIndex.get(lang);
  if (!entries) {
    const byCode = new Map(listProvinces().map((p) => [p.code, p]));
    entries = getDb()
      .select()
      .from(wards)
      .all()
      .map((ward) => {
        const province = byCode.get(ward.provinceCode)!;
        const label = lang === "en" ? `${ward.nameEn}, ${province.nameEn}` : `${ward.fullName}, ${province.name}`;
        return communeEntry(ward, province, label);
      });
    communeIndex.set(lang, entries);
  }
  return entries;
}

/** The label of a saved commune ("Phường Mỹ Xuyên, Cần Thơ"), to show it again in a form. */
export function communeLabel(wardCode: string, lang: Language): string | undefined {
  return communeEntries(lang).find((e) => e.code === wardCode)?.label;
}
