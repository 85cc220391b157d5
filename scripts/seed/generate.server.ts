import type { Db } from "~/db/client.server";
import { badgeCertificate, expiryFor, issuerLevelForStars, issuerNameFor } from "~/domain/certification/certificate";
import { slugify } from "~/domain/catalog/fold";
import type { ProductGroup } from "~/domain/catalog/groups";
import { productSearchText } from "~/domain/catalog/search-text";
import { addDays, todayInVietnam } from "~/domain/shared/dates";
import { makePhotoPool, seededRandom } from "./photos.server";

/** Realistic words to compose product names from, per group: [name, unit, grams per unit]. */
const VOCABULARY: Record<ProductGroup, [string, string, number][]> = {
  food: [
    ["Mật ong rừng", "chai", 500], ["Gạo ST25", "túi", 5000], ["Nước mắm cá cơm", "chai", 500], ["Khô cá lóc", "kg", 1000],
    ["Tôm khô", "hộp", 500], ["Mực một nắng", "kg", 1000], ["Hạt điều rang muối", "hũ", 500], ["Bánh pía", "hộp", 400],
    ["Kẹo dừa", "hộp", 400], ["Mứt gừng", "hộp", 300], ["Miến dong", "gói", 500], ["Hồ tiêu", "hũ", 250],
    ["Chả cá", "kg", 1000], ["Nem chua", "chục", 600], ["Đường thốt nốt", "kg", 1000], ["Bánh tráng", "gói", 500],
    ["Yến sào", "hộp", 100], ["Bưởi da xanh", "quả", 1500], ["Xoài cát", "kg", 1000], ["Lạp xưởng", "kg", 1000],
  ],
  beverage: [
    ["Cà phê Robusta", "gói", 500], ["Cà phê Arabica", "gói", 250], ["Chè Shan tuyết", "hộp", 200], ["Trà xanh", "hộp", 200],
    ["Rượu cần", "bình", 2000], ["Trà atiso", "hộp", 200], ["Nước cốt chanh dây", "chai", 500], ["Rượu nếp cái hoa vàng", "chai", 750],
  ],
  herbal: [
    ["Tinh dầu tràm", "lọ", 100], ["Cao gắm", "hũ", 200], ["Trà túi lọc lá sen", "hộp", 100], ["Sâm dây", "hộp", 300],
    ["Tinh dầu quế", "lọ", 50], ["Nghệ tinh bột", "hũ", 250], ["Đông trùng hạ thảo", "hộp", 50], ["Cao actiso", "hũ", 200],
  ],
  handicraft: [
    ["Nón lá", "chiếc", 200], ["Gốm men lam", "bộ", 2000], ["Lụa tơ tằm", "tấm", 300], ["Chiếu cói", "chiếc", 1500],
    ["Giỏ mây tre đan", "chiếc", 400], ["Tranh sơn mài", "bức", 1500], ["Khăn thổ cẩm", "chiếc", 200], ["Đèn lồng", "chiếc", 300],
  ],
  ornamental: [
    ["Lan hồ điệp", "chậu", 2000], ["Mai vàng bonsai", "chậu", 8000], ["Quất cảnh", "chậu", 6000], ["Sen đá", "chậu", 300],
  ],
  tourism: [
    ["Homestay bản", "đêm", 0], ["Tour miệt vườn", "vé", 0], ["Trải nghiệm làng nghề", "vé", 0], ["Du lịch sinh thái", "vé", 0],
  ],
};
const GROUP_WEIGHTS: [ProductGroup, number][] = [
  ["food", 0.5], ["beverage", 0.17], ["herbal", 0.12], ["handicraft", 0.12], ["ornamental", 0.05], ["tourism", 0.04],
];
const VARIANTS = ["đặc biệt", "loại 1", "thượng hạng", "truyền thống", "hữu cơ", "gia truyền", "cao cấp", "nguyên chất", "quà biếu", "túi nhỏ"];
const ENTITIES = [
  ["cooperative", "Hợp tác xã"], ["cooperative_group", "Tổ hợp tác"], ["household", "Hộ kinh doanh"], ["enterprise", "Công ty TNHH"],
] as const;
const FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];

export interface GenerateOptions {
  products: number;
  producers: number;
  uploadsDir: string;
}

/**
 * Fills an empty database with a large synthetic catalog for benchmarks: producers in all 34
 * provinces, products of every group, about 70 % certified (some expired, a few revoked). Uses
 * raw prepared statements in one transaction: 100,000 products take seconds, not minutes.
 */
export async function generateCatalog(db: Db, opts: GenerateOptions): Promise<void> {
  const sqlite = db.$client;
  const pool = await makePhotoPool(opts.uploadsDir);
  const rnd = seededRandom("bench");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const pickGroup = (): ProductGroup => {
    let r = rnd();
    for (const [group, weight] of GROUP_WEIGHTS) if ((r -= weight) < 0) return group;
    return "food";
  };

  const provinces = sqlite.prepare("SELECT code, name, full_name AS fullName FROM provinces ORDER BY code").all() as {
    code: string;
    name: string;
    fullName: string;
  }[];
  const wardsOf = new Map<string, string[]>();
  for (const w of sqlite.prepare("SELECT code, province_code AS province FROM wards").all() as { code: string; province: string }[]) {
    wardsOf.set(w.province, [...(wardsOf.get(w.province) ?? []), w.code]);
  }

  const insertProducer = sqlite.prepare(
    `INSERT INTO producers (slug, name, entity_type, province_code, ward_code, address_line, story, phone, verification_status, verified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertProducerPhoto = sqlite.prepare("INSERT INTO producer_photos (producer_id, file, width, height) VALUES (?, ?, ?, ?)");
  const insertProduct = sqlite.prepare(
    `INSERT INTO products (slug, producer_id, province_code, producer_verified, group_code, name, description, unit, price_vnd,
       stock, weight_grams, status, search_text, sold_count, published_at, badge_certificate_id, badge_stars, badge_expires_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPhoto = sqlite.prepare("INSERT INTO product_photos (product_id, file, width, height) VALUES (?, ?, ?, ?)");
  const insertCertificate = sqlite.prepare(
    `INSERT INTO certificates (producer_id, number, stars, score, issuer_name, issuer_level, issuer_province_code,
       decision_date, expires_on, status, revoked_reason, is_demo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertLink = sqlite.prepare("INSERT INTO certificate_products (certificate_id, product_id) VALUES (?, ?)");
  const setBadge = sqlite.prepare("UPDATE products SET badge_certificate_id = ?, badge_stars = ?, badge_expires_on = ? WHERE id = ?");

  const today = todayInVietnam();
  const now = Date.now();
  const producers: { id: number; name: string; province: (typeof provinces)[number]; verified: boolean }[] = [];

  sqlite.transaction(() => {
    for (let i = 0; i < opts.producers; i++) {
      const province = provinces[i % provinces.length]!;
      const [entityType, prefix] = pick(ENTITIES);
      const name = `${prefix} ${pick(FAMILY_NAMES)} ${pick(VOCABULARY[pickGroup()])[0]} ${province.name} ${i + 1}`;
      const verified = rnd() < 0.95;
      const { lastInsertRowid } = insertProducer.run(
        `${slugify(name)}`,
        name,
        entityType,
        province.code,
        pick(wardsOf.get(province.code)!),
        `Thôn ${1 + (i % 12)}`,
        `Cơ sở sản xuất đặc sản ${province.name}, gắn bó với nghề truyền thống của địa phương qua nhiều thế hệ.`,
        `09${String(10_000_000 + i).slice(-8)}`,
        verified ? "approved" : "pending",
        verified ? now : null,
      );
      const photo = pick(pool.producers);
      insertProducerPhoto.run(lastInsertRowid, photo.file, photo.width, photo.height);
      producers.push({ id: Number(lastInsertRowid), name, province, verified });
    }

    for (let i = 0; i < opts.products; i++) {
      const producer = producers[i % producers.length]!;
      const group = pickGroup();
      const [base, unit, grams] = pick(VOCABULARY[group]);
      const name = `${base} ${producer.province.name} ${pick(VARIANTS)}`;
      const description = `${base} ${pick(VARIANTS)} của ${producer.name}, đặc sản ${producer.province.name}. Sản xuất theo quy trình truyền thống, đóng gói cẩn thận.`;
      const live = rnd() < 0.97;
      const certified = rnd() < 0.7;
      const stars = (rnd() < 0.5 ? 3 : rnd() < 0.8 ? 4 : 5) as 3 | 4 | 5;
      // Decisions over the last four years: about a quarter have passed their 36 months.
      const decisionDate = addDays(today, -Math.floor(rnd() * 4 * 365));
      const revoked = certified && rnd() < 0.01;
      const expiresOn = expiryFor(decisionDate);
      const { lastInsertRowid } = insertProduct.run(
        `${slugify(name)}-${i + 1}`,
        producer.id,
        producer.province.code,
        producer.verified ? 1 : 0,
        group,
        name,
        description,
        unit,
        Math.round((20 + rnd() * 980) * (group === "tourism" || group === "ornamental" ? 5 : 1)) * 1000,
        rnd() < 0.05 ? 0 : Math.floor(rnd() * 500),
        grams,
        live ? "live" : "draft",
        productSearchText({ name, producerName: producer.name, provinceName: producer.province.name, groupCode: group, description }),
        Math.floor(rnd() * rnd() * 2000),
        live ? now - Math.floor(rnd() * 730 * 86_400_000) : null,
        null,
        null,
        null,
      );
      const productId = Number(lastInsertRowid);
      const photo = pick(pool.products[group]);
      insertPhoto.run(productId, photo.file, photo.width, photo.height);
      if (!certified) continue;
      const level = issuerLevelForStars(stars);
      const { lastInsertRowid: certificateId } = insertCertificate.run(
        producer.id,
        `DEMO-${10000 + i}/QĐ-${level === "central" ? "BNNMT" : "UBND"}`,
        stars,
        stars === 3 ? 50 + Math.floor(rnd() * 20) : stars === 4 ? 70 + Math.floor(rnd() * 20) : 90 + Math.floor(rnd() * 11),
        issuerNameFor(stars, producer.province.fullName),
        level,
        level === "province" ? producer.province.code : null,
        decisionDate,
        expiresOn,
        revoked ? "revoked" : "active",
        revoked ? "Thu hồi do vi phạm tiêu chuẩn (dữ liệu thử)" : null,
      );
      insertLink.run(certificateId, productId);
      // The badge cache is written here rather than by refreshProductBadges, which would read back
      // 70,000 rows; one certificate per product keeps the rule's input to that certificate alone.
      const badge = badgeCertificate([{ status: revoked ? "revoked" : "active", expiresOn, decisionDate }]);
      if (badge) setBadge.run(certificateId, stars, expiresOn, productId);
    }
  })();
}
