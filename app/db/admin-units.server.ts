import { eq, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import adminUnits from "./data/vn-admin-units.json";
import provinceRegions from "./data/province-regions.json";
import * as schema from "./schema";

type Region = (typeof schema.provinces.$inferInsert)["region"];
const SNAPSHOT_KEY = "admin_units_snapshot";

/**
 * A data migration: makes the provinces and wards tables match the bundled snapshot of
 * Vietnam's administrative units. Runs at every start but only writes when the snapshot date
 * changed, so replacing `data/vn-admin-units.json` is how a re-designation reaches the database.
 * Units missing from a newer snapshot are kept, because addresses may still point at them.
 */
export function loadAdminUnits(db: BetterSQLite3Database<typeof schema>) {
  const current = db.select().from(schema.meta).where(eq(schema.meta.key, SNAPSHOT_KEY)).get();
  if (current?.value === adminUnits.snapshot) return;

  const regions: Record<string, string> = provinceRegions.regions;
  db.transaction((tx) => {
    for (const p of adminUnits.provinces) {
      const region = regions[p.code] as Region | undefined;
      if (!region) throw new Error(`No region recorded for province ${p.code} (${p.name})`);
      const row = {
        code: p.code,
        name: p.name,
        nameEn: p.nameEn,
        fullName: p.fullName,
        fullNameEn: p.fullNameEn,
        slug: p.codeName.replaceAll("_", "-"),
        region,
      };
      tx.insert(schema.provinces).values(row).onConflictDoUpdate({ target: schema.provinces.code, set: row }).run();
      for (const w of p.wards) {
        const ward = { code: w.code, provinceCode: p.code, name: w.name, nameEn: w.nameEn, fullName: w.fullName };
        tx.insert(schema.wards).values(ward).onConflictDoUpdate({ target: schema.wards.code, set: ward }).run();
      }
    }
    tx.insert(schema.meta)
      .values({ key: SNAPSHOT_KEY, value: adminUnits.snapshot })
      .onConflictDoUpdate({ target: schema.meta.key, set: { value: sql`excluded.value` } })
      .run();
  });
}
