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
import { MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_LOCALES, MESSAGE_STATUSES } from "../domain/messages/kinds";
import { PART_STATUSES } from "../domain/orders/order-states";
import { CARRIER_EVENT_OUTCOMES, CARRIERS, SHIPMENT_STATUSES, TRACKING_STATES } from "../domain/shipping/carrier-codes";
import { COMPLAINT_REASONS, COMPLAINT_STATUSES } from "../domain/complaints/complaint-states";

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
    /** The language messages reach them in: set when they choose one on the site while signed in. */
    locale: text("locale", { enum: MESSAGE_LOCALES }).notNull().default("vi"),
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
    /** Staff's message with "changes requested" or "rejected", shown to the producer. */
    verificationNote: text("verification_note"),
    /**
     * What the producer changed since staff last decided (JSON, see producers/profile-changes.ts),
     * shown in the verification queue; null until the first decision, emptied by each decision.
     */
    verificationChanges: text("verification_changes"),
    bankBin: text("bank_bin"),
    bankAccountNo: text("bank_account_no"),
    bankAccountName: text("bank_account_name"),
    freeShippingThresholdVnd: integer("free_shipping_threshold_vnd"),
    /**
     * Identity the law asks of a seller (issue 19, ADR 0029): the legal name (the household's owner,
     * the enterprise's registered name), and the personal ID number (households and individuals: also
     * their tax code since 1 July 2025) or the business registration / tax code.
     */
    legalName: text("legal_name"),
    taxCode: text("tax_code"),
    /** Residency for personal income tax withheld (Decree 117/2025): non-residents pay a higher rate. */
    taxResidency: text("tax_residency", { enum: ["resident", "non_resident"] }).notNull().default("resident"),
    /** How staff checked the identity, by whom and when; null until checked. */
    identityMethod: text("identity_method", { enum: ["vneid", "papers"] }),
    identityCheckedBy: integer("identity_checked_by").references(() => users.id),
    identityCheckedAt: integer("identity_checked_at"),
    identityNote: text("identity_note"),
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
    /**
     * A summary of the product's variants on sale (`product_variants`, kept by triggers of migration
     * 0016, never written by the code after the insert): the lowest price, the highest, the units in
     * stock over all sizes and the first size's weight. Catalog filters and sorts read these, so they
     * keep their indexes (ADR 0020).
     */
    priceVnd: integer("price_vnd").notNull(),
    maxPriceVnd: integer("max_price_vnd").notNull().default(0),
    stock: integer("stock").notNull().default(0),
    weightGrams: integer("weight_grams").notNull().default(0),
    status: text("status", { enum: ["draft", "submitted", "live", "hidden"] })
      .notNull()
      .default("draft"),
    /**
     * A staff hold (moderation): while `held_at` is set the listing is off the storefront whatever
     * its status says, and only staff lift it. `status` stays the producer's own intent. The producer
     * sees `held_reason` and may ask for a review (`hold_review_requested_at`).
     */
    heldAt: integer("held_at"),
    heldReason: text("held_reason"),
    holdReviewRequestedAt: integer("hold_review_requested_at"),
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
    // "Price, high to low" ranks a product by its dearest size.
    index("products_public_max_price_idx").on(t.status, t.producerVerified, t.maxPriceVnd),
    index("products_public_sold_idx").on(t.status, t.producerVerified, t.soldCount),
    index("products_badge_certificate_idx").on(t.badgeCertificateId),
  ],
);

/**
 * A size or pack a product is sold in ("Chai 500 ml"), with its own price, stock, weight and
 * barcode; the certificate, photos, description and group stay on the product. Every product has at
 * least one; a product sold in one size has one whose label may be empty, and looks as it always did.
 * A variant that was sold is never deleted (order lines point at it): it is archived instead.
 */
export const productVariants = sqliteTable(
  "product_variants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    label: text("label").notNull().default(""),
    priceVnd: integer("price_vnd").notNull(),
    stock: integer("stock").notNull().default(0),
    weightGrams: integer("weight_grams").notNull().default(0),
    /** A GS1 GTIN-8/12/13/14 with a valid check digit, or null. */
    gtin: text("gtin"),
    position: integer("position").notNull().default(0),
    archivedAt: integer("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("product_variants_price_positive", sql`${t.priceVnd} > 0`),
    check("product_variants_stock_non_negative", sql`${t.stock} >= 0`),
    check("product_variants_weight_non_negative", sql`${t.weightGrams} >= 0`),
    index("product_variants_product_idx").on(t.productId, t.position),
    // Two sizes on sale under one name would be indistinguishable in the cart.
    uniqueIndex("product_variants_label_idx").on(t.productId, t.label).where(sql`${t.archivedAt} IS NULL`),
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
    /** What was done, from a known list (the portal's history words each, see producers/activity.server.ts). */
    action: text("action", {
      enum: [
        "profile.create",
        "profile.update",
        "profile.bankAccount",
        "profile.photo",
        "evidence.upload",
        "helper.invite",
        "helper.join",
        "helper.revoke",
        "product.create",
        "product.update",
        "product.hide",
        "product.reviewRequest",
        "product.sizes",
        "order.confirm",
        "order.ship",
        "order.deliver",
        "order.cancel",
        "order.markPaid",
        "shipping.book",
        "shipping.cancel",
        "shipping.settings",
        "question.answer",
        "question.editAnswer",
        "voucher.create",
        "voucher.disable",
        "stall.settings",
        "stall.sale",
        "stall.confirm",
        "stall.cancel",
      ],
    }).notNull(),
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
    // One issuing body never gives the same number twice: the issuer is the province for 3★/4★ and the
    // central level (no province) for 5★. The NULL province is indexed as '' because NULLs never collide
    // in a unique index; CASE rather than coalesce() because drizzle-kit splits index expressions at commas.
    uniqueIndex("certificates_issuer_number_idx").on(
      t.issuerLevel,
      sql`CASE WHEN ${t.issuerProvinceCode} IS NULL THEN '' ELSE ${t.issuerProvinceCode} END`,
      t.number,
    ),
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

/**
 * A shopping cart: a signed-in shopper's (by user) or a guest's (by the SHA-256 of the cart cookie's
 * token). A guest cart is folded into the user's cart at sign-in.
 */
export const carts = sqliteTable(
  "carts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    guestTokenHash: text("guest_token_hash").unique(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("carts_owner", sql`(${t.userId} IS NULL) <> (${t.guestTokenHash} IS NULL)`),
    index("carts_updated_idx").on(t.updatedAt),
  ],
);

export const cartItems = sqliteTable(
  "cart_items",
  {
    cartId: integer("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    check("cart_items_quantity_positive", sql`${t.quantity} > 0`),
  ],
);


/**
 * One checkout. Every amount is integer VND computed by the server. Guests reach their order with
 * a secret link whose token is stored only as a SHA-256.
 */
export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    accessTokenHash: text("access_token_hash").notNull(),
    userId: integer("user_id").references(() => users.id),
    fullName: text("full_name").notNull(),
    phone: text("phone").notNull(),
    email: text("email"),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    addressLine: text("address_line").notNull(),
    paymentMethod: text("payment_method", { enum: ["vietqr", "stripe", "payos", "vnpay", "momo"] }).notNull(),
    paymentStatus: text("payment_status", {
      enum: ["unpaid", "paid", "failed", "expired", "refunded", "partially_refunded"],
    })
      .notNull()
      .default("unpaid"),
    goodsTotalVnd: integer("goods_total_vnd").notNull(),
    shippingTotalVnd: integer("shipping_total_vnd").notNull(),
    totalVnd: integer("total_vnd").notNull(),
    paidVnd: integer("paid_vnd").notNull().default(0),
    refundedVnd: integer("refunded_vnd").notNull().default(0),
    /** Commission in basis points (500 = 5 %), fixed when the order is placed. */
    commissionBasisPoints: integer("commission_basis_points").notNull(),
    expiresAt: integer("expires_at").notNull(),
    paidAt: integer("paid_at"),
    stripeSessionId: text("stripe_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    /**
     * The SHA-256 of the placing client's address (an IPv4 address, an IPv6 /64), for the cap on
     * unpaid orders per address (checkout.server.ts); null when the address was not a client's.
     */
    clientKey: text("client_key"),
    createdAt: createdAt(),
  },
  (t) => [
    check("orders_total", sql`${t.totalVnd} = ${t.goodsTotalVnd} + ${t.shippingTotalVnd}`),
    check("orders_amounts", sql`${t.goodsTotalVnd} > 0 AND ${t.shippingTotalVnd} >= 0 AND ${t.paidVnd} >= 0`),
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_unpaid_idx").on(t.paymentStatus, t.expiresAt),
    index("orders_created_idx").on(t.createdAt),
    // The checkout caps count a buyer's unpaid orders; partial, so they hold only the few unpaid rows.
    index("orders_unpaid_phone_idx").on(t.phone).where(sql`${t.paymentStatus} = 'unpaid'`),
    index("orders_unpaid_client_idx").on(t.clientKey).where(sql`${t.paymentStatus} = 'unpaid'`),
  ],
);

/** The share of an order one producer fulfils, with its own shipping fee and progress. */
export const orderParts = sqliteTable(
  "order_parts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    status: text("status", { enum: PART_STATUSES }).notNull().default("awaiting_payment"),
    goodsTotalVnd: integer("goods_total_vnd").notNull(),
    shippingFeeVnd: integer("shipping_fee_vnd").notNull(),
    totalVnd: integer("total_vnd").notNull(),
    commissionVnd: integer("commission_vnd").notNull(),
    /**
     * The part's discount borne by the platform's campaigns (ADR 0019), already taken off
     * goods_total_vnd / shipping_fee_vnd, which hold what the buyer pays; the lines are in order_discounts.
     */
    platformDiscountVnd: integer("platform_discount_vnd").notNull().default(0),
    weightGrams: integer("weight_grams").notNull(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    cancelReason: text("cancel_reason"),
    /** The carrier whose quote set shipping_fee_vnd at checkout (issue 18); null for the table fee. */
    quotedCarrier: text("quoted_carrier", { enum: CARRIERS }),
    /** The delivery date the carrier's quote promised the shopper (ms), when it gave one. */
    expectedDeliveryAt: integer("expected_delivery_at"),
    updatedAt: integer("updated_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("order_parts_total", sql`${t.totalVnd} = ${t.goodsTotalVnd} + ${t.shippingFeeVnd}`),
    uniqueIndex("order_parts_order_producer_idx").on(t.orderId, t.producerId),
    index("order_parts_producer_idx").on(t.producerId, t.status, t.createdAt),
  ],
);

/** A line of an order part; name, unit and price are copied so later edits do not rewrite history. */
export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    partId: integer("part_id")
      .notNull()
      .references(() => orderParts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    /** The size bought; null never after migration 0016 filled it for older lines (SQLite cannot add a NOT NULL column). */
    variantId: integer("variant_id").references(() => productVariants.id),
    productName: text("product_name").notNull(),
    variantLabel: text("variant_label").notNull().default(""),
    unit: text("unit").notNull(),
    unitPriceVnd: integer("unit_price_vnd").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalVnd: integer("line_total_vnd").notNull(),
  },
  (t) => [
    check("order_items_quantity_positive", sql`${t.quantity} > 0`),
    check("order_items_line_total", sql`${t.lineTotalVnd} = ${t.unitPriceVnd} * ${t.quantity}`),
    index("order_items_order_idx").on(t.orderId),
    index("order_items_part_idx").on(t.partId),
    index("order_items_product_idx").on(t.productId),
  ],
);

/** Every move of an order or one of its parts, with who made it: the buyer's timeline and the audit trail. */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    partId: integer("part_id").references(() => orderParts.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** Null when the system, the bank or Stripe made the move. */
    actorUserId: integer("actor_user_id").references(() => users.id),
    source: text("source", { enum: ["buyer", "producer", "staff", "bank", "stripe", "system", "carrier"] }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

/**
 * Every bank-transfer notification received, applied or not. A transfer that cannot pay an order
 * (late, short, over, a second payment, an unknown code, another account) stays here for staff.
 */
/** The services that report transfers to the platform's account (ADR 0023); `bank` is our own generic webhook. */
export const TRANSFER_PROVIDERS = ["bank", "sepay", "casso", "payos", "vnpay", "momo"] as const;

export const bankTransfers = sqliteTable(
  "bank_transfers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Which service reported it; its own id (`transaction_id`) is unique only within that service. */
    provider: text("provider", { enum: TRANSFER_PROVIDERS }).notNull().default("bank"),
    transactionId: text("transaction_id").notNull(),
    amountVnd: integer("amount_vnd").notNull(),
    description: text("description").notNull(),
    accountNumber: text("account_number").notNull(),
    occurredAt: text("occurred_at").notNull(),
    orderId: integer("order_id").references(() => orders.id),
    outcome: text("outcome", {
      // `outgoing`: money that left the account (a refund, a payout), kept for the record, never applied.
      enum: ["applied", "short", "over", "late", "duplicate", "unknown_code", "wrong_account", "wrong_method", "outgoing"],
    }).notNull(),
    resolvedAt: integer("resolved_at"),
    resolvedByUserId: integer("resolved_by_user_id").references(() => users.id),
    resolution: text("resolution"),
    receivedAt: createdAt(),
  },
  (t) => [
    index("bank_transfers_open_idx").on(t.outcome, t.resolvedAt),
    uniqueIndex("bank_transfers_provider_transaction_idx").on(t.provider, t.transactionId),
  ],
);

/**
 * A payment made at a provider for one order: a payOS link (ADR 0023), a VNPay payment URL or a MoMo
 * payment (ADR 0025). The row is written before the provider is called (`creating`), so the link's
 * number is reserved and a retried call reuses it; `open` once the provider answered (its QR string,
 * its payment page), `cancelled` once the order lapsed and the provider cancelled the link.
 */
export const paymentLinks = sqliteTable("payment_links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  orderId: integer("order_id")
    .notNull()
    .unique()
    .references(() => orders.id),
  provider: text("provider", { enum: ["payos", "vnpay", "momo"] }).notNull(),
  /** The integer payOS knows the order by (its `orderCode`), unique per merchant; the order's id for the others. */
  providerOrderCode: integer("provider_order_code").notNull().unique(),
  /**
   * What the provider needs later to ask about the payment: VNPay's `vnp_CreateDate` of the payment
   * URL (querydr and refund name it), MoMo's `requestId`. Null for payOS.
   */
  providerReference: text("provider_reference"),
  status: text("status", { enum: ["creating", "open", "cancelled"] }).notNull().default("creating"),
  paymentLinkId: text("payment_link_id"),
  checkoutUrl: text("checkout_url"),
  /** The EMVCo/VietQR string to draw; payOS sends no image. */
  qrCode: text("qr_code"),
  bankBin: text("bank_bin"),
  accountNumber: text("account_number"),
  accountName: text("account_name"),
  description: text("description").notNull(),
  amountVnd: integer("amount_vnd").notNull(),
  createdAt: createdAt(),
});

/**
 * Callbacks a payment provider's URL refused (bad signature or key, a body it could not read): no
 * order changes and no transfer is kept for them, since anyone can post to the URL, but each is
 * recorded (with the start of its body) so staff see a provider whose calls are all refused — a
 * wrong secret in the settings — and an operator can read what came. Bounded per provider.
 */
export const refusedCallbacks = sqliteTable(
  "refused_callbacks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider").notNull(),
    reason: text("reason", { enum: ["authentication", "body"] }).notNull(),
    excerpt: text("excerpt").notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("refused_callbacks_provider_idx").on(t.provider, t.receivedAt)],
);

/**
 * Each pass of the reconciliation job (reconciliation.server.ts) over one provider's transaction list:
 * what it fetched, how many it had not heard of (webhooks lost) and how many of those paid an order.
 */
export const reconciliationRuns = sqliteTable(
  "reconciliation_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider", { enum: TRANSFER_PROVIDERS }).notNull(),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at").notNull(),
    fetched: integer("fetched").notNull().default(0),
    found: integer("found").notNull().default(0),
    applied: integer("applied").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("reconciliation_runs_provider_idx").on(t.provider, t.startedAt)],
);

/** Stripe event ids already applied, so a redelivered event changes nothing. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  orderId: integer("order_id").references(() => orders.id),
  /** What the event did; `late` and `unmatched` card payments wait for staff to refund them. */
  outcome: text("outcome").notNull(),
  resolvedAt: integer("resolved_at"),
  receivedAt: createdAt(),
});

/** Money sent back to a buyer: a whole order or one producer's part, by Stripe or by bank transfer. */
export const refunds = sqliteTable(
  "refunds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    partId: integer("part_id").references(() => orderParts.id),
    amountVnd: integer("amount_vnd").notNull(),
    method: text("method", { enum: ["stripe", "bank", "vnpay", "momo"] }).notNull(),
    stripeRefundId: text("stripe_refund_id").unique(),
    /** The id a VNPay or MoMo refund went out under, derived from the order and its parts: a second press records nothing. */
    providerRefundId: text("provider_refund_id").unique(),
    reason: text("reason").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [check("refunds_amount_positive", sql`${t.amountVnd} > 0`), index("refunds_order_idx").on(t.orderId)],
);

/**
 * The money ledger (ADR 0007). Rows are only ever added; a balance is the sum of an account's rows.
 * `producer_pending` is owed once delivered, `producer_payable` may be paid out, `commission` is the
 * marketplace's, `refunded` is what went back to buyers.
 */
export const ledgerEntries = sqliteTable(
  "ledger_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    account: text("account", {
      // `campaign_cost` (ADR 0019): the platform's campaign discounts, negative, so a part's rows sum to what the buyer paid.
      // `tax_vat_withheld` / `tax_pit_withheld` (ADR 0029): tax withheld from households for the state, taken off the producer's share.
      // `producer_held`: a delivered part's payable held while a buyer's complaint is open.
      enum: [
        "commission",
        "producer_pending",
        "producer_payable",
        "producer_paid_out",
        "refunded",
        "campaign_cost",
        "tax_vat_withheld",
        "tax_pit_withheld",
        "producer_held",
      ],
    }).notNull(),
    amountVnd: integer("amount_vnd").notNull(),
    producerId: integer("producer_id").references(() => producers.id),
    orderId: integer("order_id").references(() => orders.id),
    partId: integer("part_id").references(() => orderParts.id),
    memo: text("memo").notNull(),
    /**
     * On the withholding accounts only: the seller's revenue the tax was computed on, signed like the
     * row (negative on a reversal), so the monthly declaration's revenue is a sum of the ledger too.
     */
    taxBaseVnd: integer("tax_base_vnd"),
    createdAt: createdAt(),
  },
  (t) => [
    index("ledger_producer_idx").on(t.producerId, t.account),
    index("ledger_part_idx").on(t.partId),
    // The monthly declaration reads the withholding accounts by time.
    index("ledger_account_time_idx").on(t.account, t.createdAt),
  ],
);

/** A review by someone who bought and received the product: once per product per buyer. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    userId: integer("user_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    stars: integer("stars").notNull(),
    body: text("body").notNull().default(""),
    /**
     * When the purchase behind the review was refunded: from then on the review is no longer a
     * verified buyer's, so it is not shown and not counted in the product's rating.
     */
    withdrawnAt: integer("withdrawn_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("reviews_stars", sql`${t.stars} BETWEEN 1 AND 5`),
    uniqueIndex("reviews_order_product_idx").on(t.orderId, t.productId),
    uniqueIndex("reviews_user_product_idx")
      .on(t.userId, t.productId)
      .where(sql`${t.userId} IS NOT NULL`),
    index("reviews_product_idx").on(t.productId, t.createdAt),
  ],
);

/** In-app notices: a producer's new paid orders, a signed-in buyer's order changes. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    producerId: integer("producer_id").references(() => producers.id, { onDelete: "cascade" }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    readAt: integer("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("notifications_recipient", sql`(${t.userId} IS NULL) <> (${t.producerId} IS NULL)`),
    index("notifications_user_idx").on(t.userId, t.readAt),
    index("notifications_producer_idx").on(t.producerId, t.readAt),
  ],
);

/**
 * Every staff action (PRODUCT.md §3): who, what, on which record, in which province, and the
 * record before and after as JSON. Rows are only added.
 */
export const staffAudit = sqliteTable(
  "staff_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id")
      .notNull()
      .references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** The province the record belongs to (null for national records), so provincial staff see their own. */
    provinceCode: text("province_code").references(() => provinces.code),
    before: text("before"),
    after: text("after"),
    createdAt: createdAt(),
  },
  (t) => [
    index("staff_audit_created_idx").on(t.createdAt),
    index("staff_audit_province_idx").on(t.provinceCode, t.createdAt),
    index("staff_audit_subject_idx").on(t.subjectType, t.subjectId),
  ],
);

/** A shopper's report of a listing (fake certificate, wrong information) for staff to handle. */
export const listingReports = sqliteTable(
  "listing_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: ["fake_certificate", "wrong_information", "prohibited", "other"] }).notNull(),
    details: text("details").notNull().default(""),
    reporterUserId: integer("reporter_user_id").references(() => users.id),
    status: text("status", { enum: ["open", "dismissed", "actioned"] })
      .notNull()
      .default("open"),
    resolvedByUserId: integer("resolved_by_user_id").references(() => users.id),
    resolution: text("resolution"),
    resolvedAt: integer("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("listing_reports_open_idx").on(t.status, t.createdAt), index("listing_reports_product_idx").on(t.productId)],
);

/**
 * A signed-in shopper's question about a product, and the producer's answer (issue 20). The page
 * shows answered questions that staff have not hidden; the asker alone also sees its own question
 * while it waits. Who answered is `answered_by_user_id` (the producer's account or a helper's), and
 * the producer's history (producer_activity) records the same answer with the producer it was for.
 */
export const productQuestions = sqliteTable(
  "product_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    askerUserId: integer("asker_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    answer: text("answer"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id),
    answeredAt: integer("answered_at"),
    /** Set when the producer changes an answer already shown, so the page can say it was edited. */
    answerEditedAt: integer("answer_edited_at"),
    hiddenAt: integer("hidden_at"),
    hiddenByUserId: integer("hidden_by_user_id").references(() => users.id),
    hiddenReason: text("hidden_reason"),
    /** Staff looked at the reports up to this instant and kept the question: older reports no longer queue it. */
    reportsClearedAt: integer("reports_cleared_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("product_questions_body", sql`length(trim(${t.body})) BETWEEN 1 AND 500`),
    check("product_questions_answer", sql`${t.answer} IS NULL OR length(trim(${t.answer})) BETWEEN 1 AND 2000`),
    check(
      "product_questions_answered",
      sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL) AND (${t.answer} IS NULL) = (${t.answeredByUserId} IS NULL)`,
    ),
    check("product_questions_hidden", sql`(${t.hiddenAt} IS NULL) = (${t.hiddenByUserId} IS NULL) AND (${t.hiddenAt} IS NULL) = (${t.hiddenReason} IS NULL)`),
    // The product page's query: a product's answered, visible questions, newest answer first.
    index("product_questions_page_idx")
      .on(t.productId, t.answeredAt)
      .where(sql`${t.answeredAt} IS NOT NULL AND ${t.hiddenAt} IS NULL`),
    // The portal's and staff's lists: a product's questions by date; an asker's own waiting ones.
    index("product_questions_product_idx").on(t.productId, t.createdAt),
    index("product_questions_asker_idx").on(t.askerUserId, t.productId),
  ],
);

/** A signed-in user's report of a question or its answer: once per question per user. */
export const questionReports = sqliteTable(
  "question_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => productQuestions.id, { onDelete: "cascade" }),
    reporterUserId: integer("reporter_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: ["spam", "offensive", "wrong", "other"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("question_reports_reason", sql`${t.reason} IN ('spam', 'offensive', 'wrong', 'other')`),
    uniqueIndex("question_reports_once_idx").on(t.questionId, t.reporterUserId),
    index("question_reports_created_idx").on(t.createdAt),
  ],
);

// ───────────────────────── Campaigns and vouchers (ADR 0019) ─────────────────────────

/**
 * A staff campaign: a discount on the goods it covers (percent with an optional cap, or a fixed
 * amount) or free shipping, between two Vietnam dates (both included). A provincial campaign covers
 * producers of its province; a national one (province null) is central staff's. With no producers or
 * products named it covers every producer of its scope. Paid from the platform's budget.
 */
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    provinceCode: text("province_code").references(() => provinces.code),
    kind: text("kind", { enum: ["percent", "fixed", "free_shipping"] }).notNull(),
    percent: integer("percent"),
    capVnd: integer("cap_vnd"),
    amountVnd: integer("amount_vnd"),
    minOrderVnd: integer("min_order_vnd").notNull().default(0),
    /** The most the platform spends on it, or null for no limit; spent_vnd counts what orders hold. */
    budgetVnd: integer("budget_vnd"),
    spentVnd: integer("spent_vnd").notNull().default(0),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at"),
  },
  (t) => [
    check(
      "campaigns_terms",
      sql`(${t.kind} = 'percent' AND ${t.percent} BETWEEN 1 AND 90 AND ${t.amountVnd} IS NULL AND (${t.capVnd} IS NULL OR ${t.capVnd} > 0))
       OR (${t.kind} = 'fixed' AND ${t.amountVnd} > 0 AND ${t.percent} IS NULL AND ${t.capVnd} IS NULL)
       OR (${t.kind} = 'free_shipping' AND ${t.percent} IS NULL AND ${t.amountVnd} IS NULL AND ${t.capVnd} IS NULL)`,
    ),
    check("campaigns_min_order", sql`${t.minOrderVnd} >= 0`),
    check("campaigns_budget", sql`${t.spentVnd} >= 0 AND (${t.budgetVnd} IS NULL OR (${t.budgetVnd} > 0 AND ${t.spentVnd} <= ${t.budgetVnd}))`),
    check("campaigns_dates", sql`${t.startsOn} <= ${t.endsOn}`),
    index("campaigns_window_idx").on(t.endsOn, t.startsOn),
    index("campaigns_province_idx").on(t.provinceCode, t.endsOn),
  ],
);

export const campaignProducers = sqliteTable(
  "campaign_producers",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.producerId] }), index("campaign_producers_producer_idx").on(t.producerId)],
);

export const campaignProducts = sqliteTable(
  "campaign_products",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.productId] }), index("campaign_products_product_idx").on(t.productId)],
);

/** A producer's voucher code for its own goods (percent with an optional cap, or a fixed amount). */
export const vouchers = sqliteTable(
  "vouchers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    code: text("code").notNull().unique(),
    kind: text("kind", { enum: ["percent", "fixed"] }).notNull(),
    percent: integer("percent"),
    capVnd: integer("cap_vnd"),
    amountVnd: integer("amount_vnd"),
    minOrderVnd: integer("min_order_vnd").notNull().default(0),
    totalUses: integer("total_uses").notNull(),
    /** Uses held by orders not cancelled, expired or refunded; moved only by guarded UPDATEs. */
    used: integer("used").notNull().default(0),
    perBuyer: integer("per_buyer").notNull().default(1),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    disabledAt: integer("disabled_at"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("vouchers_code", sql`length(${t.code}) BETWEEN 4 AND 16 AND ${t.code} NOT GLOB '*[^A-Z0-9]*'`),
    check(
      "vouchers_terms",
      sql`(${t.kind} = 'percent' AND ${t.percent} BETWEEN 1 AND 90 AND ${t.amountVnd} IS NULL AND (${t.capVnd} IS NULL OR ${t.capVnd} > 0))
       OR (${t.kind} = 'fixed' AND ${t.amountVnd} > 0 AND ${t.percent} IS NULL AND ${t.capVnd} IS NULL)`,
    ),
    check("vouchers_uses", sql`${t.totalUses} > 0 AND ${t.used} >= 0 AND ${t.used} <= ${t.totalUses} AND ${t.perBuyer} >= 1`),
    check("vouchers_min_order", sql`${t.minOrderVnd} >= 0`),
    check("vouchers_dates", sql`${t.startsOn} <= ${t.endsOn}`),
    index("vouchers_producer_idx").on(t.producerId, t.createdAt),
  ],
);

/** One use of a voucher by an order part; released (and the use given back) when the part is cancelled or refunded. */
export const voucherRedemptions = sqliteTable(
  "voucher_redemptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    voucherId: integer("voucher_id")
      .notNull()
      .references(() => vouchers.id),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    partId: integer("part_id")
      .notNull()
      .references(() => orderParts.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    userId: integer("user_id").references(() => users.id),
    releasedAt: integer("released_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("voucher_redemptions_part_idx").on(t.voucherId, t.partId),
    index("voucher_redemptions_phone_idx").on(t.voucherId, t.phone).where(sql`${t.releasedAt} IS NULL`),
    index("voucher_redemptions_user_idx").on(t.voucherId, t.userId).where(sql`${t.releasedAt} IS NULL`),
  ],
);

/**
 * The discount lines of an order part, copied when placed: which campaign or voucher, what it lowered
 * (goods or shipping), by how much, and who bears it. A campaign's line is the platform's, a voucher's
 * the producer's. `released_at` is set when the part is cancelled or refunded (budget given back).
 */
export const orderDiscounts = sqliteTable(
  "order_discounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    partId: integer("part_id")
      .notNull()
      .references(() => orderParts.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["campaign", "voucher"] }).notNull(),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    voucherId: integer("voucher_id").references(() => vouchers.id),
    label: text("label").notNull(),
    target: text("target", { enum: ["goods", "shipping"] }).notNull(),
    amountVnd: integer("amount_vnd").notNull(),
    payer: text("payer", { enum: ["platform", "producer"] }).notNull(),
    releasedAt: integer("released_at"),
  },
  (t) => [
    check("order_discounts_amount", sql`${t.amountVnd} > 0`),
    check(
      "order_discounts_source",
      sql`(${t.source} = 'campaign' AND ${t.campaignId} IS NOT NULL AND ${t.voucherId} IS NULL AND ${t.payer} = 'platform')
       OR (${t.source} = 'voucher' AND ${t.voucherId} IS NOT NULL AND ${t.campaignId} IS NULL AND ${t.payer} = 'producer' AND ${t.target} = 'goods')`,
    ),
    index("order_discounts_part_idx").on(t.partId),
    index("order_discounts_order_idx").on(t.orderId),
    index("order_discounts_campaign_idx").on(t.campaignId),
  ],
);

/**
 * One counter that every change to what the storefront shows moves on (triggers in migration 0019_workers_and_page_cache),
 * so each server process can tell, with one read, whether a page it keeps is still current (ADR 0021).
 */
export const pageGeneration = sqliteTable("page_generation", {
  id: integer("id").primaryKey(),
  value: integer("value").notNull(),
});

/**
 * Attempts counted per limit and key in fixed windows (login tries, sign-ups, reports…), shared by
 * every server process on the file, so a second worker is not a second allowance.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    name: text("name").notNull(),
    key: text("key").notNull(),
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.key] }), index("rate_limits_window_start").on(t.windowStart)],
);

/**
 * Who runs a periodic job (the sweeps of lapsed orders and certificates): one process at a time
 * among the workers, until its lease runs out without renewal (the process died).
 */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/**
 * The outbox (ADR 0024): one row per message per recipient per channel, written in the same
 * transaction as the event that causes it and delivered afterwards by the worker
 * (domain/messages/outbox.server.ts). `idempotency_key` names event + recipient + kind + channel, so an
 * event enqueued twice yields one row; `id` is what providers get as their tracking/request id.
 */
export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind", { enum: MESSAGE_KINDS }).notNull(),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    recipientUserId: integer("recipient_user_id").references(() => users.id, { onDelete: "set null" }),
    recipientProducerId: integer("recipient_producer_id").references(() => producers.id, { onDelete: "set null" }),
    /** A phone as 84xxxxxxxxx (Zalo, SMS) or an e-mail address. */
    recipientAddress: text("recipient_address").notNull(),
    recipientName: text("recipient_name").notNull(),
    locale: text("locale", { enum: MESSAGE_LOCALES }).notNull(),
    /** The province whose staff see the message at /staff/messages; null for nationwide ones. */
    provinceCode: text("province_code").references(() => provinces.code),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull(),
    /** The values a Zalo template is filled with (JSON object of strings). */
    templateData: text("template_data").notNull().default("{}"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** While `sending`: until when the claiming process holds it, and which claim it was. */
    leaseUntil: integer("lease_until"),
    leaseToken: text("lease_token"),
    providerId: text("provider_id"),
    providerReason: text("provider_reason"),
    /** The Zalo message this SMS replaces after "no Zalo account" or "user rejected". */
    fallbackOfId: integer("fallback_of_id"),
    /** The secret of an e-mail's one-click unsubscribe link (RFC 8058), for kinds a person may turn off. */
    unsubscribeToken: text("unsubscribe_token").unique(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
    sentAt: integer("sent_at"),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [
    index("messages_due_idx").on(t.status, t.nextAttemptAt),
    index("messages_province_idx").on(t.provinceCode, t.createdAt),
    index("messages_recipient_idx").on(t.recipientAddress, t.createdAt),
    index("messages_provider_idx").on(t.channel, t.providerId),
  ],
);

/**
 * A person's choice of channel for one kind of message (/account/messages): a channel, or `off` for
 * kinds that may be turned off (KIND_RULES' `mustSend`). No row: the default route (Zalo, SMS, e-mail).
 */
export const messagePreferences = sqliteTable(
  "message_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MESSAGE_KINDS }).notNull(),
    choice: text("choice", { enum: [...MESSAGE_CHANNELS, "off"] }).notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * One-time codes that reset a password ("Quên mật khẩu" on /login), sent by the outbox. Only the
 * code's hash is kept; five wrong tries lock it; a new request replaces the older code.
 */
export const passwordResetCodes = sqliteTable(
  "password_reset_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    wrongAttempts: integer("wrong_attempts").notNull().default(0),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_codes_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Tokens of outside services that rotate (Zalo's OA refresh token is single-use): kept in the
 * database so every process and every restart uses the newest pair.
 */
export const providerTokens = sqliteTable("provider_tokens", {
  provider: text("provider").primaryKey(),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token").notNull(),
  accessExpiresAt: integer("access_expires_at"),
  updatedAt: integer("updated_at").notNull(),
});

// ---------------------------------------------------------------------------------------------
// Chợ 4.0: market stalls (issue 16, app/domain/market). Money paid at a stall goes to the producer's
// own bank account, never through the ledger.

/**
 * A producer's market stall, made the first time the producer (or a helper) opens /seller/stall.
 * `code` is the purpose printed in the stall sign's VietQR; `webhook_token` names the producer's own
 * SePay/Casso webhook URL; the secrets authenticate those callbacks (one producer's never another's).
 */
export const stalls = sqliteTable(
  "stalls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    producerId: integer("producer_id")
      .notNull()
      .unique()
      .references(() => producers.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    /** The market, fair or place the producer stands in ("Chợ nổi Cái Răng"); copied onto each sale. */
    marketName: text("market_name"),
    webhookToken: text("webhook_token").notNull().unique(),
    /** What SePay sends as `Authorization: Apikey <key>` on this producer's webhook (we make it). */
    sepayApiKey: text("sepay_api_key").notNull(),
    /** Casso's checksum key of the producer's own Casso account (Casso makes it; the producer pastes it). */
    cassoChecksumKey: text("casso_checksum_key"),
    createdAt: createdAt(),
  },
);

/**
 * One sale at a stall: a QR sale waits (`pending`) until the producer or its bank-confirmation service
 * confirms it (`paid`); a cash sale is typed in after the fact, paid at once. A mistaken sale is
 * `cancelled` with a reason (its stock returns). Province and market are copied when the sale is made,
 * so the reports of a month never move when a producer moves.
 */
export const stallSales = sqliteTable(
  "stall_sales",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    stallId: integer("stall_id")
      .notNull()
      .references(() => stalls.id),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    marketName: text("market_name"),
    method: text("method", { enum: ["qr", "cash"] }).notNull(),
    /**
     * Whose account a QR sale pays (STALL_ACCOUNT when it was made): the producer's own (confirmed by
     * the producer or its own SePay/Casso, never in the ledger) or the platform's (confirmed by the
     * platform's bank feed like an order, then payable to the producer through the ledger).
     */
    account: text("account", { enum: ["producer", "platform"] }).notNull().default("producer"),
    amountVnd: integer("amount_vnd").notNull(),
    status: text("status", { enum: ["pending", "paid", "cancelled"] }).notNull(),
    /** Who made the sale: the producer's own account or a helper acting for it. */
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    paidAt: integer("paid_at"),
    /** How it was confirmed: by hand (`producer`, `cash`) or by the producer's own SePay/Casso. */
    confirmedBy: text("confirmed_by", { enum: ["producer", "cash", "sepay", "casso", "platform"] }),
    confirmedByUserId: integer("confirmed_by_user_id").references(() => users.id),
    cancelledAt: integer("cancelled_at"),
    cancelledByUserId: integer("cancelled_by_user_id").references(() => users.id),
    cancelReason: text("cancel_reason"),
  },
  (t) => [
    check("stall_sales_amount_positive", sql`${t.amountVnd} > 0`),
    index("stall_sales_producer_idx").on(t.producerId, t.createdAt),
    index("stall_sales_paid_idx").on(t.status, t.method, t.paidAt),
  ],
);

/** The goods of a sale priced by the server from the producer's own products. */
export const stallSaleLines = sqliteTable(
  "stall_sale_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    saleId: integer("sale_id")
      .notNull()
      .references(() => stallSales.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id),
    name: text("name").notNull(),
    unitPriceVnd: integer("unit_price_vnd").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalVnd: integer("line_total_vnd").notNull(),
  },
  (t) => [index("stall_sale_lines_sale_idx").on(t.saleId)],
);

/**
 * Every authenticated callback of a producer's own SePay or Casso account, whatever came of it; the
 * provider's id delivered again is the same row (dedupe), so a sale is confirmed once.
 */
export const stallCallbacks = sqliteTable(
  "stall_callbacks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stallId: integer("stall_id")
      .notNull()
      .references(() => stalls.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: ["sepay", "casso"] }).notNull(),
    transactionId: text("transaction_id").notNull(),
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    amountVnd: integer("amount_vnd").notNull(),
    description: text("description").notNull(),
    accountNumber: text("account_number").notNull(),
    occurredAt: text("occurred_at").notNull(),
    saleId: integer("sale_id").references(() => stallSales.id),
    outcome: text("outcome", {
      enum: ["confirmed", "already_paid", "cancelled", "wrong_amount", "unknown_code", "wrong_account", "outgoing"],
    }).notNull(),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex("stall_callbacks_provider_transaction_idx").on(t.stallId, t.provider, t.transactionId)],
);

/** The carriers a producer books with (issue 18); one of them is preselected when booking. */
export const producerCarriers = sqliteTable(
  "producer_carriers",
  {
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    carrier: text("carrier", { enum: CARRIERS }).notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.producerId, t.carrier] })],
);

/** Where carriers pick a producer's parcels up; absent → the profile's address and phone. */
export const producerPickupAddresses = sqliteTable("producer_pickup_addresses", {
  producerId: integer("producer_id")
    .primaryKey()
    .references(() => producers.id, { onDelete: "cascade" }),
  contactName: text("contact_name").notNull(),
  phone: text("phone").notNull(),
  provinceCode: text("province_code")
    .notNull()
    .references(() => provinces.code),
  wardCode: text("ward_code")
    .notNull()
    .references(() => wards.code),
  addressLine: text("address_line").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * A pick-up booked with a carrier for one order part. `idempotency_key` is what the carrier gets as
 * our order id (GHTK order.id, GHN client_order_code, VTP ORDER_NUMBER, EMS order_code): booking twice
 * sends the same key. At most one live (booking/booked) shipment per part.
 */
export const shipments = sqliteTable(
  "shipments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partId: integer("part_id")
      .notNull()
      .references(() => orderParts.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    carrier: text("carrier", { enum: CARRIERS }).notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status", { enum: SHIPMENT_STATUSES }).notNull(),
    /** The carrier's waybill (GHTK label, GHN order_code, VTP ORDER_NUMBER, EMS tracking_code). */
    waybill: text("waybill"),
    feeVnd: integer("fee_vnd"),
    weightGrams: integer("weight_grams").notNull(),
    lengthCm: integer("length_cm").notNull(),
    widthCm: integer("width_cm").notNull(),
    heightCm: integer("height_cm").notNull(),
    expectedDeliveryAt: integer("expected_delivery_at"),
    trackingState: text("tracking_state", { enum: TRACKING_STATES }).notNull().default("booked"),
    carrierStatus: text("carrier_status"),
    /** Event time of the newest status applied; the staff's "stuck" list reads it. */
    lastMovedAt: integer("last_moved_at").notNull(),
    error: text("error"),
    bookedByUserId: integer("booked_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("shipments_live_part_idx").on(t.partId).where(sql`${t.status} IN ('booking', 'booked')`),
    uniqueIndex("shipments_carrier_waybill_idx").on(t.carrier, t.waybill),
    index("shipments_moved_idx").on(t.status, t.lastMovedAt),
  ],
);

/**
 * Every tracking callback a carrier sent that passed its authentication, deduplicated by the
 * carrier's own event identity (INTEGRATIONS.md §0), with what it did.
 */
export const carrierEvents = sqliteTable(
  "carrier_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    carrier: text("carrier", { enum: CARRIERS }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    shipmentId: integer("shipment_id").references(() => shipments.id, { onDelete: "cascade" }),
    waybill: text("waybill"),
    carrierStatus: text("carrier_status").notNull(),
    state: text("state", { enum: TRACKING_STATES }).notNull(),
    description: text("description"),
    location: text("location"),
    /** When the carrier says it happened (events are applied in this order, not by arrival). */
    occurredAt: integer("occurred_at").notNull(),
    receivedAt: integer("received_at").notNull(),
    outcome: text("outcome", { enum: CARRIER_EVENT_OUTCOMES }).notNull(),
    payload: text("payload").notNull(),
  },
  (t) => [
    uniqueIndex("carrier_events_dedupe_idx").on(t.carrier, t.dedupeKey),
    index("carrier_events_shipment_idx").on(t.shipmentId, t.occurredAt),
  ],
);

/**
 * A buyer's complaint about a delivered part (issue 19, ADR 0029): one per part. Its moves follow
 * complaints/complaint-states.ts; every step's date is kept for both sides to see.
 */
export const complaints = sqliteTable(
  "complaints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    partId: integer("part_id")
      .notNull()
      .unique()
      .references(() => orderParts.id),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    buyerUserId: integer("buyer_user_id").references(() => users.id),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull().default("awaiting_producer"),
    reason: text("reason", { enum: COMPLAINT_REASONS }).notNull(),
    description: text("description").notNull(),
    /** When the producer must have answered; past it the sweep sends the complaint to staff. */
    answerDueAt: integer("answer_due_at").notNull(),
    producerAnswer: text("producer_answer", { enum: ["refund", "return", "reject"] }),
    producerNote: text("producer_note"),
    answeredAt: integer("answered_at"),
    escalatedAt: integer("escalated_at"),
    staffDecision: text("staff_decision", { enum: ["refund", "reject"] }),
    staffNote: text("staff_note"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
    closedAt: integer("closed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("complaints_producer_idx").on(t.producerId, t.status),
    index("complaints_status_due_idx").on(t.status, t.answerDueAt),
    index("complaints_created_idx").on(t.createdAt),
  ],
);

export const complaintPhotos = sqliteTable(
  "complaint_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    complaintId: integer("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    file: text("file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("complaint_photos_complaint_idx").on(t.complaintId, t.position)],
);

/**
 * The platform's policies shown to shoppers (delivery, returns, complaints), in Vietnamese and
 * English, edited by central staff; every edit is a new version, the newest is shown.
 */
export const policyVersions = sqliteTable(
  "policy_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topic: text("topic", { enum: ["delivery", "returns", "complaints"] }).notNull(),
    version: integer("version").notNull(),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en").notNull(),
    bodyVi: text("body_vi").notNull(),
    bodyEn: text("body_en").notNull(),
    editedBy: integer("edited_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("policy_versions_topic_version_idx").on(t.topic, t.version)],
);
