import { and, asc, count, desc, eq, isNull, max, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { getDb } from "~/db/client.server";
import { productPhotos, products, productVariants, provinces } from "~/db/schema";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import type { Producer } from "../producers/profile.server";
import type { StoredPhoto } from "../shared/photos.server";
import { todayInVietnam } from "../shared/dates";
import { lockedFieldChanges } from "./certified-fields";
import { slugify } from "./fold";
import type { ProductDetailsInput, ProductInput } from "./product-form";
import { updateOnlyVariant } from "./variants.server";
import { productSearchText } from "./search-text";

export type Listing = typeof products.$inferSelect;

/**
 * One of the acting producer's products. Another producer's product answers 404, exactly like a
 * product that does not exist, so ids reveal nothing.
 */
export function ownListing(actor: PortalActor, productId: number): { producer: Producer; product: Listing } {
  const { producer } = actor;
  const product = Number.isSafeInteger(productId)
    ? getDb().select().from(products).where(and(eq(products.id, productId), eq(products.producerId, producer.id))).get()
    : undefined;
  if (!product) throw new Response("Not found", { status: 404 });
  return { producer, product };
}

/** The acting producer's products, newest first, each with its first photo for the list's thumbnail. */
export function ownListings({ producer }: PortalActor) {
  const firstPhoto = getDb()
    .select({ file: productPhotos.file })
    .from(productPhotos)
    .where(eq(productPhotos.productId, products.id))
    .orderBy(asc(productPhotos.position), asc(productPhotos.id))
    .limit(1);
  const sizesOnSale = getDb()
    .select({ n: count() })
    .from(productVariants)
    .where(and(eq(productVariants.productId, products.id), isNull(productVariants.archivedAt)));
  return getDb()
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      priceVnd: products.priceVnd,
      maxPriceVnd: products.maxPriceVnd,
      stock: products.stock,
      sizes: sql<number>`(${sizesOnSale})`,
      unit: products.unit,
      status: products.status,
      heldAt: products.heldAt,
      photo: sql<string | null>`(${firstPhoto})`,
    })
    .from(products)
    .where(eq(products.producerId, producer.id))
    .orderBy(desc(products.id))
    .all();
}

export function listingPhotos(productId: number) {
  return getDb().select().from(productPhotos).where(eq(productPhotos.productId, productId)).orderBy(asc(productPhotos.position)).all();
}

/** "Put on sale" makes a product live at once when staff have verified its producer; otherwise it waits. */
function publishedStatus(producer: Producer): "live" | "submitted" {
  return producer.verificationStatus === "approved" ? "live" : "submitted";
}

/**
 * What a product's columns hold for what the producer typed, with its search text. The province's
 * name is looked up once per producer, so a bulk import makes every row with one lookup.
 */
export function listingFieldsFor(producer: Producer) {
  const province = getDb().select({ name: provinces.name }).from(provinces).where(eq(provinces.code, producer.provinceCode)).get();
  return (input: ProductInput) => ({
    name: input.name,
    groupCode: input.groupCode,
    description: input.description ?? "",
    unit: input.unit,
    priceVnd: input.priceVnd,
    stock: input.stock,
    weightGrams: input.weightGrams,
    searchText: productSearchText({
      name: input.name,
      producerName: producer.name,
      provinceName: province?.name ?? "",
      groupCode: input.groupCode,
      description: input.description ?? "",
    }),
  });
}

function listingFields(producer: Producer, input: ProductInput) {
  return { ...listingFieldsFor(producer)(input), updatedAt: Date.now() };
}

/** The shared fields of an edit: price, stock and weight are the sizes' (variants.server.ts). */
function detailFields(producer: Producer, input: ProductDetailsInput) {
  const { priceVnd: _price, stock: _stock, weightGrams: _weight, ...details } = listingFieldsFor(producer)({ ...input, priceVnd: 0, stock: 0, weightGrams: 0 });
  return { ...details, updatedAt: Date.now() };
}

/**
 * The name's slug, or, when taken, the slug with the product's own id: one lookup whatever the number
 * of same-named products (counting up "-2", "-3"… made a 2,000-row import of one name take minutes).
 */
function productSlug(tx: Tx, name: string, id: number): string {
  const base = slugify(name) || "san-pham";
  const taken = tx.select({ id: products.id }).from(products).where(eq(products.slug, base)).get();
  return taken && taken.id !== id ? `${base}-${id}` : base;
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

function insertListing(tx: Tx, actor: PortalActor, input: ProductInput, photo: StoredPhoto | null): number {
  const { producer, user } = actor;
  const status = input.intent === "publish" ? publishedStatus(producer) : "draft";
  const { id } = tx
    .insert(products)
    .values({
      ...listingFields(producer, input),
      // A placeholder until the id is known; replaced below in the same transaction.
      slug: `pending-${randomUUID()}`,
      producerId: producer.id,
      provinceCode: producer.provinceCode,
      status,
      publishedAt: status === "live" ? Date.now() : null,
    })
    .returning({ id: products.id })
    .get();
  tx.update(products).set({ slug: productSlug(tx, input.name, id) }).where(eq(products.id, id)).run();
  if (photo) tx.insert(productPhotos).values({ productId: id, position: 0, ...photo }).run();
  recordActivity(tx, { producerId: producer.id, actorUserId: user.id, action: "product.create", subject: input.name });
  return id;
}

/** Creates a listing, with its first photo if one came with the form, in one transaction. */
export function createListing(actor: PortalActor, input: ProductInput, photo: StoredPhoto | null): number {
  return getDb().transaction((tx) => insertListing(tx, actor, input, photo));
}

/**
 * Saves a producer's edit. A staff hold stays whatever the edit says (only staff lift it), and the
 * certified fields cannot change while the badge shows (`lockedFieldChanges`; the form checks first
 * and answers by the field, so reaching this with such a change is a bug, refused all the same).
 *
 * A product sold in one size carries its price, stock and weight in the form (`ProductInput`); one in
 * several sizes only what the sizes share (`ProductDetailsInput`, the sizes page edits the rest).
 * `stockShown` is the stock the edit form showed. Orders take stock while a form is open, so the
 * form's number may be old: the write happens only while the stored stock is still the one shown,
 * checked by the UPDATE itself (no sale can slip in between a check and the write), and otherwise
 * nothing changes and the current stock comes back for the producer to look at again.
 */
export function updateListing(
  actor: PortalActor,
  productId: number,
  input: ProductInput | ProductDetailsInput,
  stockShown: number,
  photo: StoredPhoto | null,
): { ok: true } | { ok: false; currentStock: number } {
  const { producer, product } = ownListing(actor, productId);
  const { user } = actor;
  if (lockedFieldChanges(product, input, todayInVietnam()).length > 0) throw new Response("Certified fields are locked", { status: 409 });
  const status = input.intent === "publish" ? publishedStatus(producer) : product.status === "live" ? "live" : "draft";
  return getDb().transaction((tx) => {
    const sizeSaved = "priceVnd" in input ? updateOnlyVariant(tx, product.id, input, stockShown) : true;
    if (!sizeSaved) {
      const current = tx.select({ stock: products.stock }).from(products).where(eq(products.id, product.id)).get();
      return { ok: false as const, currentStock: current?.stock ?? 0 };
    }
    tx.update(products)
      .set({ ...detailFields(producer, input), status, publishedAt: product.publishedAt ?? (status === "live" ? Date.now() : null) })
      .where(eq(products.id, product.id))
      .run();
    if (photo) addPhoto(tx, product.id, photo);
    recordActivity(tx, { producerId: producer.id, actorUserId: user.id, action: "product.update", subject: input.name });
    return { ok: true as const };
  });
}

export function hideListing(actor: PortalActor, productId: number) {
  const { producer, product } = ownListing(actor, productId);
  const { user } = actor;
  getDb().transaction((tx) => {
    tx.update(products).set({ status: "hidden", updatedAt: Date.now() }).where(eq(products.id, product.id)).run();
    recordActivity(tx, { producerId: producer.id, actorUserId: user.id, action: "product.hide", subject: product.name });
  });
}

/** The producer asks staff to look again at a listing they hold (after fixing what they said). */
export function requestHoldReview(actor: PortalActor, productId: number, now = Date.now()) {
  const { producer, product } = ownListing(actor, productId);
  if (product.heldAt === null) return;
  getDb().transaction((tx) => {
    tx.update(products).set({ holdReviewRequestedAt: now }).where(eq(products.id, product.id)).run();
    recordActivity(tx, { producerId: producer.id, actorUserId: actor.user.id, action: "product.reviewRequest", subject: product.name });
  });
}

function addPhoto(tx: Pick<ReturnType<typeof getDb>, "select" | "insert">, productId: number, photo: StoredPhoto) {
  const last = tx.select({ position: max(productPhotos.position) }).from(productPhotos).where(eq(productPhotos.productId, productId)).get();
  tx.insert(productPhotos).values({ productId, position: (last?.position ?? -1) + 1, ...photo }).run();
}
