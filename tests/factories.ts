import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers, products, users, wards } from "~/db/schema";
import { changeCart, type CartOwner } from "~/domain/orders/cart.server";
import { placeOrder, type PlacedOrder } from "~/domain/orders/checkout.server";
import type { CheckoutInput } from "~/domain/orders/checkout-form";

/**
 * Makers of the records a domain test starts from, written straight through the schema with
 * defaults a real marketplace would hold (a verified producer in Cần Thơ, a live product with stock).
 * Anything a test is about is passed in; everything else stays out of the way. Orders are placed
 * through the domain's own checkout, so they hold what a real order holds.
 */

let sequence = 0;
const next = () => ++sequence;
const unique = () => `${next()}-${randomUUID().slice(0, 8)}`;

/** The first ward of a province: a real code pair, as addresses store them. */
export function aWardOf(provinceCode: string): string {
  const ward = getDb().select({ code: wards.code }).from(wards).where(eq(wards.provinceCode, provinceCode)).limit(1).get();
  if (!ward) throw new Error(`No ward in province ${provinceCode}`);
  return ward.code;
}

export function aUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  return getDb()
    .insert(users)
    .values({ fullName: "Người thử nghiệm", email: `user-${unique()}@test.local`, role: "shopper", ...overrides })
    .returning()
    .get();
}

export function aProducer(overrides: Partial<typeof producers.$inferInsert> = {}) {
  const provinceCode = overrides.provinceCode ?? "92";
  const owner = overrides.ownerUserId ?? aUser({ role: "producer" }).id;
  const n = unique();
  return getDb()
    .insert(producers)
    .values({
      slug: `co-so-thu-${n}`,
      ownerUserId: owner,
      name: `Cơ sở thử ${n}`,
      entityType: "household",
      provinceCode,
      wardCode: aWardOf(provinceCode),
      addressLine: "Ấp 1",
      phone: `09${String(10_000_000 + next()).slice(-8)}`,
      verificationStatus: "approved",
      verifiedAt: Date.now(),
      ...overrides,
    })
    .returning()
    .get();
}

/** A live product of `producer` (a verified producer's: on sale at once). */
export function aProduct(producer: { id: number; provinceCode: string }, overrides: Partial<typeof products.$inferInsert> = {}) {
  const n = unique();
  const inserted = getDb()
    .insert(products)
    .values({
      slug: `san-pham-thu-${n}`,
      producerId: producer.id,
      provinceCode: producer.provinceCode,
      groupCode: "food",
      name: `Sản phẩm thử ${n}`,
      unit: "hộp",
      priceVnd: 100_000,
      stock: 10,
      weightGrams: 500,
      status: "live",
      publishedAt: Date.now(),
      ...overrides,
    })
    .returning({ id: products.id })
    .get();
  // Read back: triggers keep copies (the producer's verification) that the insert did not write.
  return getDb().select().from(products).where(eq(products.id, inserted.id)).get()!;
}

/** A guest's cart holding `lines`; fails the test if the cart refuses one. */
export function aCart(lines: { productId: number; quantity: number }[]): CartOwner {
  const owner: CartOwner = { guestTokenHash: `test-cart-${unique()}` };
  for (const line of lines) {
    const problem = changeCart(owner, { intent: "add", ...line });
    if (problem) throw new Error(`The cart refused product ${line.productId}: ${JSON.stringify(problem)}`);
  }
  return owner;
}

export function aCheckout(overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  const provinceCode = overrides.provinceCode ?? "92";
  return {
    fullName: "Lê Thị Mua",
    phone: `08${String(10_000_000 + next()).slice(-8)}`,
    provinceCode,
    wardCode: aWardOf(provinceCode),
    addressLine: "12 Đường Thử",
    paymentMethod: "vietqr",
    ...overrides,
  };
}

/** An order for `lines`, placed by a guest through checkout; fails the test if checkout refuses. */
export function anOrder(lines: { productId: number; quantity: number }[], checkout: Partial<CheckoutInput> = {}, now = Date.now()): PlacedOrder {
  const placed = placeOrder(aCart(lines), aCheckout(checkout), { userId: null, now });
  if (!placed.ok) throw new Error(`Checkout refused: ${JSON.stringify(placed)}`);
  return placed.order;
}
