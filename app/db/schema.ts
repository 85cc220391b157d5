import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Dates of the domain (decision dates, expiry, collection windows) are ISO `YYYY-MM-DD` text in
// Vietnam's calendar; instants (created, updated) are Unix milliseconds.
const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** Key/value facts about the data itself, e.g. the snapshot date of the administrative units. */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const provinces = sqliteTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  fullName: text("full_name").notNull(),
  fullNameEn: text("full_name_en").notNull(),
  slug: text("slug").notNull().unique(),
  region: text("region", { enum: ["north", "central", "south"] }).notNull(),
});

export const wards = sqliteTable(
  "wards",
  {
    code: text("code").primaryKey(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    fullName: text("full_name").notNull(),
  },
  (t) => [index("wards_province_idx").on(t.provinceCode)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").unique(),
    phone: text("phone").unique(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash"),
    role: text("role", {
      enum: ["shopper", "producer", "helper", "staff", "central_staff"],
    }).notNull(),
    /** The province a provincial staff member may act in; null for everyone else. */
    provinceCode: text("province_code").references(() => provinces.code),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_login_present", sql`${t.email} IS NOT NULL OR ${t.phone} IS NOT NULL`),
    check(
      "users_staff_scope",
      sql`(${t.role} = 'staff') = (${t.provinceCode} IS NOT NULL)`,
    ),
  ],
);

/**
 * Sign-in sessions, stored so they can be revoked. `id` is the SHA-256 of the cookie's token, so a
 * leaked database does not hand out live sessions.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const producers = sqliteTable(
  "producers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    ownerUserId: integer("owner_user_id").references(() => users.id),
    name: text("name").notNull(),
    entityType: text("entity_type", {
      enum: ["cooperative", "cooperative_group", "household", "enterprise"],
    }).notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    addressLine: text("address_line").notNull(),
    story: text("story").notNull().default(""),
    phone: text("phone"),
    verificationStatus: text("verification_status", {
      enum: ["pending", "approved", "changes_requested", "rejected"],
    })
      .notNull()
      .default("pending"),
    verifiedAt: integer("verified_at"),
    bankBin: text("bank_bin"),
    bankAccountNo: text("bank_account_no"),
    bankAccountName: text("bank_account_name"),
    freeShippingThresholdVnd: integer("free_shipping_threshold_vnd"),
    createdAt: createdAt(),
  },
  (t) => [
    index("producers_province_idx").on(t.provinceCode),
    index("producers_owner_idx").on(t.ownerUserId),
  ],
);

export const producerPhotos = sqliteTable(
  "producer_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    file: text("file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("producer_photos_producer_idx").on(t.producerId, t.position)],
);

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    /** Copied from the producer so catalog filters use one index instead of a join. */
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    groupCode: text("group_code", {
      enum: ["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"],
    }).notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    unit: text("unit").notNull(),
    priceVnd: integer("price_vnd").notNull(),
    stock: integer("stock").notNull().default(0),
    weightGrams: integer("weight_grams").notNull().default(0),
    status: text("status", { enum: ["draft", "submitted", "live", "hidden"] })
      .notNull()
      .default("draft"),
    /** Whether the producer is verified, copied so public listings need no join (kept by triggers). */
    producerVerified: integer("producer_verified", { mode: "boolean" }).notNull().default(false),
    /**
     * Cache of the product's current certificate (see domain/certification/badge-cache.server.ts);
     * the badge shows only while `badge_expires_on` is after today, so expiry needs no job.
     */
    badgeCertificateId: integer("badge_certificate_id"),
    badgeStars: integer("badge_stars"),
    badgeExpiresOn: text("badge_expires_on"),
    /** Diacritic-folded text that the FTS5 index `products_fts` mirrors. */
    searchText: text("search_text").notNull().default(""),
    soldCount: integer("sold_count").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    publishedAt: integer("published_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at"),
  },
  (t) => [
    check("products_price_positive", sql`${t.priceVnd} > 0`),
    check("products_stock_non_negative", sql`${t.stock} >= 0`),
    check("products_weight_non_negative", sql`${t.weightGrams} >= 0`),
    index("products_producer_idx").on(t.producerId),
    index("products_public_newest_idx").on(t.status, t.producerVerified, t.publishedAt),
    index("products_public_group_idx").on(t.status, t.producerVerified, t.groupCode, t.publishedAt),
    index("products_public_province_idx").on(t.status, t.producerVerified, t.provinceCode, t.publishedAt),
    // "Goods of this kind from this province" is the commonest combined filter (home page links, related goods).
    index("products_public_province_group_idx").on(t.status, t.producerVerified, t.provinceCode, t.groupCode, t.publishedAt),
    index("products_public_stars_idx").on(t.status, t.producerVerified, t.badgeStars, t.publishedAt),
    index("products_public_price_idx").on(t.status, t.producerVerified, t.priceVnd),
    index("products_public_sold_idx").on(t.status, t.producerVerified, t.soldCount),
    index("products_badge_certificate_idx").on(t.badgeCertificateId),
  ],
);

export const productPhotos = sqliteTable(
  "product_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    file: text("file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("product_photos_product_idx").on(t.productId, t.position)],
);

/** A scan or photo of an OCOP certificate a producer uploads for staff to review (PRODUCT.md §2). */
export const certificateEvidence = sqliteTable(
  "certificate_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    file: text("file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    note: text("note").notNull().default(""),
    uploadedByUserId: integer("uploaded_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("certificate_evidence_producer_idx").on(t.producerId)],
);

/** A one-time code a producer gives a community helper to let them work in its portal. */
export const helperInvites = sqliteTable(
  "helper_invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    /** SHA-256 of the code; the code itself is shown once, to the producer. */
    codeHash: text("code_hash").notNull().unique(),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    redeemedByUserId: integer("redeemed_by_user_id").references(() => users.id),
    redeemedAt: integer("redeemed_at"),
  },
  (t) => [index("helper_invites_producer_idx").on(t.producerId)],
);

/** A helper's access to a producer's portal, from redeeming an invite until the producer revokes it. */
export const helperGrants = sqliteTable(
  "helper_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    helperUserId: integer("helper_user_id")
      .notNull()
      .references(() => users.id),
    inviteId: integer("invite_id").references(() => helperInvites.id),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at"),
    revokedByUserId: integer("revoked_by_user_id").references(() => users.id),
  },
  (t) => [
    index("helper_grants_helper_idx").on(t.helperUserId),
    // At most one live grant per helper and producer.
    uniqueIndex("helper_grants_active_idx").on(t.producerId, t.helperUserId).where(sql`${t.revokedAt} IS NULL`),
  ],
);

/**
 * What was done in a producer's portal and by whom: the producer's own account or a community
 * helper acting for it. The producer reads this history.
 */
export const producerActivity = sqliteTable(
  "producer_activity",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    actorUserId: integer("actor_user_id")
      .notNull()
      .references(() => users.id),
    action: text("action").notNull(),
    subject: text("subject").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("producer_activity_producer_idx").on(t.producerId, t.createdAt)],
);

export const certificates = sqliteTable(
  "certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    number: text("number").notNull(),
    stars: integer("stars").notNull(),
    score: integer("score"),
    issuerName: text("issuer_name").notNull(),
    issuerLevel: text("issuer_level", { enum: ["province", "central"] }).notNull(),
    /** Set for province-level certificates; null for central (5★) ones. */
    issuerProvinceCode: text("issuer_province_code").references(() => provinces.code),
    decisionDate: text("decision_date").notNull(),
    expiresOn: text("expires_on").notNull(),
    status: text("status", { enum: ["active", "expired", "revoked"] })
      .notNull()
      .default("active"),
    revokedReason: text("revoked_reason"),
    revokedAt: integer("revoked_at"),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("certificates_stars", sql`${t.stars} BETWEEN 3 AND 5`),
    check("certificates_score", sql`${t.score} IS NULL OR ${t.score} BETWEEN 50 AND 100`),
    check(
      "certificates_level",
      sql`(${t.issuerLevel} = 'central') = (${t.issuerProvinceCode} IS NULL)`,
    ),
    check(
      "certificates_revocation",
      sql`(${t.status} = 'revoked') = (${t.revokedReason} IS NOT NULL)`,
    ),
    index("certificates_producer_idx").on(t.producerId),
    index("certificates_expiry_idx").on(t.status, t.expiresOn),
    index("certificates_decision_idx").on(t.decisionDate),
  ],
);

export const certificateProducts = sqliteTable(
  "certificate_products",
  {
    certificateId: integer("certificate_id")
      .notNull()
      .references(() => certificates.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.certificateId, t.productId] }),
    index("certificate_products_product_idx").on(t.productId),
  ],
);

export const collections = sqliteTable(
  "collections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("collections_window_idx").on(t.startsOn, t.endsOn)],
);

export const collectionProducts = sqliteTable(
  "collection_products",
  {
    collectionId: integer("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    uniqueIndex("collection_products_order_idx").on(t.collectionId, t.position),
  ],
);
