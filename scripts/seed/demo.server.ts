import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import * as schema from "~/db/schema";
import { hashPassword } from "~/domain/accounts/password.server";
import { badgeValidSql, refreshProductBadges } from "~/domain/certification/badge-cache.server";
import { expiryFor, issuerLevelForStars, issuerNameFor } from "~/domain/certification/certificate";
import { slugify } from "~/domain/catalog/fold";
import { productSearchText } from "~/domain/catalog/search-text";
import { addDays, addMonths, todayInVietnam } from "~/domain/shared/dates";
import { CENTRAL_PRODUCERS } from "./demo-central";
import { seedDemoOrders } from "./demo-orders.server";
import { seedDemoQuestions } from "./demo-questions.server";
import { NORTH_PRODUCERS } from "./demo-north";
import { SOUTH_PRODUCERS } from "./demo-south";
import type { DemoProducer, DemoProduct } from "./demo-types";
import { makeProducerPhoto, makeProductPhoto, mapLimit, type GeneratedPhoto } from "./photos.server";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { email: "staff@demo.local", fullName: "Trần Thị Thu Hà", role: "staff", provinceCode: "92", description: "provincial staff of Cần Thơ (92)" },
  { email: "producer@demo.local", fullName: "Nguyễn Văn Cua", role: "producer", provinceCode: null, description: "verified cooperative in Cần Thơ" },
  { email: "shopper@demo.local", fullName: "Lê Minh Anh", role: "shopper", provinceCode: null, description: "shopper" },
  { email: "admin@demo.local", fullName: "Phạm Quốc Trung", role: "central_staff", provinceCode: null, description: "central staff" },
] as const;

export const DEMO_PRODUCERS: DemoProducer[] = [...NORTH_PRODUCERS, ...CENTRAL_PRODUCERS, ...SOUTH_PRODUCERS];

/** Collections for the home page, chosen by what the goods are rather than by name. */
const DEMO_COLLECTIONS: {
  slug: string;
  title: string;
  description: string;
  pick: (p: DemoProduct) => boolean;
}[] = [
  {
    slug: "dac-san-tet",
    title: "Đặc sản cho mâm cỗ Tết",
    description: "Nước mắm, gạo, bánh mứt và đặc sản vùng miền đạt chuẩn OCOP, gửi tận nhà trước Tết.",
    pick: (p) => p.group === "food",
  },
  {
    slug: "ca-phe-va-tra",
    title: "Cà phê và trà vùng cao",
    description: "Từ đồi chè Thái Nguyên đến cao nguyên Đắk Lắk và Lâm Đồng.",
    pick: (p) => p.group === "beverage",
  },
  {
    slug: "qua-tang-thu-cong",
    title: "Quà tặng thủ công làng nghề",
    description: "Gốm, lụa, nón lá, mây tre đan: quà tặng mang hồn làng nghề Việt.",
    pick: (p) => p.group === "handicraft",
  },
];

function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slugify(name);
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  taken.add(slug);
  return slug;
}

/**
 * Seeds the demo marketplace into an empty database: the four demo accounts, producers in all
 * 34 provinces with their goods, photos drawn locally, OCOP certificates marked DEMO (some
 * expired, one revoked), featured collections, and a year of orders with their ledger and reviews
 * (demo-orders.server.ts). Does nothing if the database has users or products.
 */
export async function seedDemo(db: Db, opts: { uploadsDir: string }): Promise<{ seeded: boolean }> {
  const hasData = (table: typeof schema.users | typeof schema.products) => db.select({ n: count() }).from(table).get()!.n > 0;
  if (hasData(schema.users) || hasData(schema.products)) return { seeded: false };

  const provinces = new Map(db.select().from(schema.provinces).all().map((p) => [p.code, p]));
  const wards = new Map(db.select().from(schema.wards).all().map((w) => [w.code, w]));
  for (const producer of DEMO_PRODUCERS) {
    if (wards.get(producer.wardCode)?.provinceCode !== producer.provinceCode) {
      throw new Error(`Demo producer ${producer.key}: ward ${producer.wardCode} is not in province ${producer.provinceCode}`);
    }
  }

  // I/O first (photos, password hashes); the database is then written in one transaction.
  const products = DEMO_PRODUCERS.flatMap((producer) => producer.products.map((product) => ({ producer, product })));
  const productPhotos = await mapLimit(products, 4, async ({ product }, i) => {
    const photos: GeneratedPhoto[] = [];
    for (let n = 0; n < 1 + (i % 3 === 0 ? 1 : 0); n++) {
      photos.push(await makeProductPhoto(opts.uploadsDir, { group: product.group, motif: product.motif, seed: `${product.key}-${n}` }));
    }
    return photos;
  });
  const producerPhotos = await mapLimit(DEMO_PRODUCERS, 4, (producer) =>
    makeProducerPhoto(opts.uploadsDir, { group: producer.products[0]?.group ?? "food", seed: producer.key }),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const today = todayInVietnam();
  const now = Date.now();
  db.transaction((tx) => {
    const userIds = new Map<string, number>();
    for (const account of DEMO_ACCOUNTS) {
      const { id } = tx
        .insert(schema.users)
        .values({ email: account.email, fullName: account.fullName, role: account.role, provinceCode: account.provinceCode, passwordHash })
        .returning({ id: schema.users.id })
        .get();
      userIds.set(account.email, id);
    }

    const producerSlugs = new Set<string>();
    const productSlugs = new Set<string>();
    const producerIds = new Map<string, number>();
    const productIds = new Map<string, number>();
    let productIndex = 0;
    DEMO_PRODUCERS.forEach((producer, producerIndex) => {
      const province = provinces.get(producer.provinceCode)!;
      const approved = (producer.verification ?? "approved") === "approved";
      const { id: producerId } = tx
        .insert(schema.producers)
        .values({
          slug: uniqueSlug(producer.name, producerSlugs),
          ownerUserId: producer.ownerEmail ? userIds.get(producer.ownerEmail) : null,
          name: producer.name,
          entityType: producer.entityType,
          provinceCode: producer.provinceCode,
          wardCode: producer.wardCode,
          addressLine: producer.addressLine,
          story: producer.story,
          phone: producer.phone,
          bankBin: producer.bank?.bin ?? null,
          bankAccountNo: producer.bank?.accountNo ?? null,
          bankAccountName: producer.bank?.accountName ?? null,
          verificationStatus: approved ? "approved" : "pending",
          verifiedAt: approved ? now : null,
        })
        .returning({ id: schema.producers.id })
        .get();
      producerIds.set(producer.key, producerId);
      const photo = producerPhotos[producerIndex]!;
      tx.insert(schema.producerPhotos).values({ producerId, ...photo }).run();

      for (const product of producer.products) {
        const live = (product.status ?? "live") === "live";
        const { id } = tx
          .insert(schema.products)
          .values({
            slug: uniqueSlug(product.name, productSlugs),
            producerId,
            provinceCode: producer.provinceCode,
            producerVerified: approved,
            groupCode: product.group,
            name: product.name,
            description: product.description,
            unit: product.unit,
            priceVnd: product.priceVnd,
            stock: product.stock,
            weightGrams: product.weightGrams,
            status: live ? "live" : "draft",
            searchText: productSearchText({
              name: product.name,
              producerName: producer.name,
              provinceName: province.name,
              groupCode: product.group,
              description: product.description,
            }),
            // Spread over the last four months so "newest" means something.
            publishedAt: live ? now - ((productIndex * 37) % 120) * 86_400_000 - productIndex * 60_000 : null,
          })
          .returning({ id: schema.products.id })
          .get();
        productIds.set(product.key, id);
        // The database made the first size with the product (trigger products_first_variant); name it and add the others.
        if (product.sizeLabel) {
          tx.update(schema.productVariants).set({ label: product.sizeLabel }).where(eq(schema.productVariants.productId, id)).run();
          product.moreSizes?.forEach((size, i) =>
            tx.insert(schema.productVariants).values({ productId: id, position: i + 1, gtin: null, ...size }).run(),
          );
        }
        productPhotos[productIndex]!.forEach((p, position) =>
          tx.insert(schema.productPhotos).values({ productId: id, position, ...p }).run(),
        );
        productIndex++;
      }

      for (const cert of producer.certificates) {
        const decisionDate = addMonths(today, -cert.monthsAgo);
        const level = issuerLevelForStars(cert.stars);
        const { id: certificateId } = tx
          .insert(schema.certificates)
          .values({
            producerId,
            number: cert.number,
            stars: cert.stars,
            score: cert.score,
            issuerName: issuerNameFor(cert.stars, province.fullName),
            issuerLevel: level,
            issuerProvinceCode: level === "province" ? producer.provinceCode : null,
            decisionDate,
            expiresOn: expiryFor(decisionDate),
            status: cert.revokedReason ? "revoked" : "active",
            revokedReason: cert.revokedReason ?? null,
            revokedAt: cert.revokedReason ? now : null,
            isDemo: true,
          })
          .returning({ id: schema.certificates.id })
          .get();
        for (const key of cert.products) {
          const productId = productIds.get(key);
          if (!productId) throw new Error(`Demo certificate ${cert.number} names unknown product ${key}`);
          tx.insert(schema.certificateProducts).values({ certificateId, productId }).run();
        }
      }
    });
    refreshProductBadges(tx, [...productIds.values()]);

    // Only certified, live goods may be featured.
    const certified = new Set(
      tx
        .select({ id: schema.products.id })
        .from(schema.products)
        .where(and(eq(schema.products.status, "live"), sql.raw(badgeValidSql("products", `'${today}'`))))
        .all()
        .map((p) => p.id),
    );
    DEMO_COLLECTIONS.forEach((collection, position) => {
      const { id: collectionId } = tx
        .insert(schema.collections)
        .values({
          slug: collection.slug,
          title: collection.title,
          description: collection.description,
          position,
          startsOn: addDays(today, -30),
          endsOn: position === 0 ? addDays(today, 90) : null,
          createdByUserId: userIds.get("admin@demo.local"),
        })
        .returning({ id: schema.collections.id })
        .get();
      const picked = products
        .filter(({ producer, product }) => collection.pick(product) && (producer.verification ?? "approved") === "approved")
        .map(({ product }) => productIds.get(product.key)!)
        .filter((id) => certified.has(id))
        .slice(0, 8);
      picked.forEach((productId, i) =>
        tx.insert(schema.collectionProducts).values({ collectionId, productId, position: i }).run(),
      );
    });

    const cooperative = DEMO_PRODUCERS.find((p) => p.ownerEmail === "producer@demo.local")!;
    seedDemoPromotions(tx, {
      today,
      staffId: userIds.get("staff@demo.local")!,
      producerId: producerIds.get(cooperative.key)!,
      productIds: DEMO_CAMPAIGN.productKeys.map((key) => productIds.get(key)!),
      producerUserId: userIds.get("producer@demo.local")!,
    });
    const shopper = DEMO_ACCOUNTS.find((a) => a.email === "shopper@demo.local")!;
    seedDemoOrders(db, {
      now,
      producerId: producerIds.get(cooperative.key)!,
      shopper: { id: userIds.get(shopper.email)!, fullName: shopper.fullName, email: shopper.email },
    });
    seedDemoQuestions(db, { now, producerId: producerIds.get(cooperative.key)!, shopperId: userIds.get(shopper.email)! });
  });
  return { seeded: true };
}

/**
 * The demo's promotions (ADR 0019): a running provincial campaign of Cần Thơ on the demo cooperative's
 * rice, from a minimum order, and one voucher code of the cooperative. Printed at start with the accounts.
 */
export const DEMO_CAMPAIGN = {
  slug: "tuan-le-gao-ocop-can-tho",
  title: "Tuần lễ gạo OCOP Cần Thơ",
  description:
    "Cần Thơ giảm 10% (tối đa 50.000 ₫) cho gạo ST25 của Hợp tác xã Ông Cua khi phần đơn của hợp tác xã từ 600.000 ₫. Chi phí giảm giá do ngân sách xúc tiến thương mại của tỉnh chi trả.",
  productKeys: ["s-gao-st25-ong-cua", "s-gao-st25-lua-tom"],
} as const;
export const DEMO_VOUCHER = { code: "ONGCUA20", description: "voucher of producer@demo.local: 20.000 ₫ off from 200.000 ₫, 100 uses, 1 per buyer" } as const;

function seedDemoPromotions(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  { today, staffId, producerId, productIds, producerUserId }: { today: string; staffId: number; producerId: number; productIds: number[]; producerUserId: number },
) {
  const { id: campaignId } = tx
    .insert(schema.campaigns)
    .values({
      slug: DEMO_CAMPAIGN.slug,
      title: DEMO_CAMPAIGN.title,
      description: DEMO_CAMPAIGN.description,
      provinceCode: "92",
      kind: "percent",
      percent: 10,
      capVnd: 50_000,
      minOrderVnd: 600_000,
      budgetVnd: 20_000_000,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 30),
      createdByUserId: staffId,
    })
    .returning({ id: schema.campaigns.id })
    .get();
  for (const productId of productIds) tx.insert(schema.campaignProducts).values({ campaignId, productId }).run();
  tx.insert(schema.vouchers)
    .values({
      producerId,
      code: DEMO_VOUCHER.code,
      kind: "fixed",
      amountVnd: 20_000,
      minOrderVnd: 200_000,
      totalUses: 100,
      perBuyer: 1,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 60),
      createdByUserId: producerUserId,
    })
    .run();
}
