import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "~/db/client.server";
import { products, productVariants, stallSaleLines, stallSales, stalls, users } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import { settings } from "~/settings.server";
import { badgeValid } from "../certification/badge-cache.server";
import { bankByBin } from "../payments/banks";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import type { Producer } from "../producers/profile.server";
import { addDays, addMonths, todayInVietnam, type IsoDate } from "../shared/dates";
import { vietnamMidnight } from "../reports/dashboard";
import { variantName } from "../catalog/variants";
import { MAX_STALL_SALE_VND, type NewSaleInput, type StallSettingsInput } from "./stall-form";
import { generateSaleCode, generateStallCode, normalizedSaleCode } from "./stall-codes";
import { salePayload, stallSignPayload, type StallAccount } from "./stall-qr";

export type Stall = typeof stalls.$inferSelect;
export type StallSale = typeof stallSales.$inferSelect;
export type SaleStatus = StallSale["status"];
type Tx = Pick<Db, "select" | "insert" | "update">;

type BankFields = Pick<Producer, "bankBin" | "bankAccountNo" | "bankAccountName">;
export type SaleAccount = StallSale["account"];

/** The producer's own account its stall QR codes pay into, or null until it has saved one. */
export function stallAccount(producer: Pick<Producer, "bankBin" | "bankAccountNo">): StallAccount | null {
  return producer.bankBin && producer.bankAccountNo ? { bankBin: producer.bankBin, accountNo: producer.bankAccountNo } : null;
}

/** The platform's VietQR account, as a stall account (STALL_ACCOUNT=platform). */
function platformAccount(): StallAccount {
  const account = settings.vietQrAccount;
  return { bankBin: account.bankBin, accountNo: account.accountNo };
}

/** The account a sale (or, with no sale, a new one) pays: the producer's own, or the platform's. */
function payingAccount(producer: BankFields, account: SaleAccount = settings.stallAccount): StallAccount | null {
  return account === "platform" ? platformAccount() : stallAccount(producer);
}

/** What a buyer types by hand when it cannot scan: bank, account, holder (of whichever account the sale pays). */
export function accountShown(producer: BankFields, account: SaleAccount = settings.stallAccount) {
  const fields =
    account === "platform"
      ? { bankBin: settings.vietQrAccount.bankBin, bankAccountNo: settings.vietQrAccount.accountNo, bankAccountName: settings.vietQrAccount.accountName }
      : producer;
  if (!fields.bankBin || !fields.bankAccountNo) return null;
  const bank = bankByBin(fields.bankBin);
  return { bank: bank ? `${bank.shortName} – ${bank.name}` : fields.bankBin, accountNo: fields.bankAccountNo, holder: fields.bankAccountName ?? "" };
}

const newSecret = () => randomBytes(24).toString("base64url");

function stallOfProducer(db: Pick<Db, "select">, producerId: number): Stall | null {
  return db.select().from(stalls).where(eq(stalls.producerId, producerId)).get() ?? null;
}

/** The stall of the actor's producer, made when first asked for (inside the caller's transaction). */
function ensureStall(tx: Tx, actor: PortalActor): Stall {
  const existing = stallOfProducer(tx, actor.producer.id);
  if (existing) return existing;
  // 32^8 stall codes: a collision is a retry, not an error the producer sees.
  for (let attempt = 0; ; attempt++) {
    const code = generateStallCode();
    if (tx.select({ id: stalls.id }).from(stalls).where(eq(stalls.code, code)).get() && attempt < 5) continue;
    return tx
      .insert(stalls)
      .values({ producerId: actor.producer.id, code, webhookToken: newSecret(), sepayApiKey: newSecret(), marketName: null })
      .returning()
      .get();
  }
}

/** The actor's stall, or null before it was opened. */
export function stallOf(actor: PortalActor): Stall | null {
  return stallOfProducer(getDb(), actor.producer.id);
}

/** Opens the stall, names its market or connects a bank-confirmation service; every change is in the producer's history. */
export function saveStallSettings(actor: PortalActor, input: StallSettingsInput): void {
  getDb().transaction((tx) => {
    const stall = ensureStall(tx, actor);
    switch (input.intent) {
      case "open":
        return;
      case "market":
        tx.update(stalls).set({ marketName: input.marketName || null }).where(eq(stalls.id, stall.id)).run();
        break;
      case "casso":
        tx.update(stalls).set({ cassoChecksumKey: input.cassoChecksumKey || null }).where(eq(stalls.id, stall.id)).run();
        break;
      case "newSepayKey":
        tx.update(stalls).set({ sepayApiKey: newSecret() }).where(eq(stalls.id, stall.id)).run();
        break;
    }
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "stall.settings", subject: input.intent });
  });
}

/** A sale the actor asked for that it may not have: refused with a message by a field, nothing written. */
export type SaleRefusal = { ok: false; field: "amountVnd" | "quantity" | null; message: MessageKey; params?: Record<string, string | number>; status: 400 | 409 };
export type SaleCreated = { ok: true; code: string };

class Refused extends Error {
  constructor(readonly refusal: SaleRefusal) {
    super(refusal.message);
  }
}

/**
 * Makes a sale at the actor's stall: the amount typed, or the actor's own goods priced from their
 * sizes with their stock taken in the same transaction (a guarded UPDATE, so two phones selling the
 * last jar cannot both take it). A cash sale is paid at once; a QR sale waits for "Đã nhận tiền" or
 * the producer's bank feed, and needs the producer's own account for its QR.
 */
export function createSale(actor: PortalActor, input: NewSaleInput, now = Date.now()): SaleCreated | SaleRefusal {
  const account = settings.stallAccount;
  if (input.method === "qr" && !payingAccount(actor.producer, account)) {
    return { ok: false, field: null, message: "stall.error.noAccount", status: 409 };
  }
  try {
    return getDb().transaction((tx): SaleCreated => {
      const stall = ensureStall(tx, actor);
      const lines = input.lines.length > 0 ? takeGoods(tx, actor.producer.id, input.lines) : [];
      const amountVnd = lines.length > 0 ? lines.reduce((sum, l) => sum + l.lineTotalVnd, 0) : input.amountVnd!;
      if (amountVnd > MAX_STALL_SALE_VND) throw new Refused({ ok: false, field: "quantity", message: "stall.error.tooMuch", status: 400 });
      const code = freshSaleCode(tx);
      const cash = input.method === "cash";
      const sale = tx
        .insert(stallSales)
        .values({
          code,
          stallId: stall.id,
          producerId: actor.producer.id,
          provinceCode: actor.producer.provinceCode,
          marketName: stall.marketName,
          method: input.method,
          account,
          amountVnd,
          status: cash ? "paid" : "pending",
          createdByUserId: actor.user.id,
          createdAt: now,
          paidAt: cash ? now : null,
          confirmedBy: cash ? "cash" : null,
          confirmedByUserId: cash ? actor.user.id : null,
        })
        .returning({ id: stallSales.id })
        .get();
      for (const line of lines) tx.insert(stallSaleLines).values({ ...line, saleId: sale.id }).run();
      recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "stall.sale", subject: code });
      return { ok: true, code };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

function freshSaleCode(tx: Tx): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateSaleCode();
    if (!tx.select({ id: stallSales.id }).from(stallSales).where(eq(stallSales.code, code)).get()) return code;
  }
  // 32^10 codes: five collisions in a row means the random source is broken.
  throw new Error("no free sale code");
}

interface TakenLine {
  productId: number;
  variantId: number;
  name: string;
  unitPriceVnd: number;
  quantity: number;
  lineTotalVnd: number;
}

/**
 * Prices the lines from the producer's own sizes and takes their stock; throws Refused (the
 * transaction rolls back) for a product that is not the producer's, a product with several sizes
 * named without its size, or a size without the units.
 */
function takeGoods(tx: Tx, producerId: number, lines: NewSaleInput["lines"]): TakenLine[] {
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const sizes = tx
    .select({ id: productVariants.id, productId: productVariants.productId, label: productVariants.label, priceVnd: productVariants.priceVnd, stock: productVariants.stock, name: products.name })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(inArray(productVariants.productId, productIds), eq(products.producerId, producerId), isNull(productVariants.archivedAt)))
    .all();
  const taken: TakenLine[] = [];
  for (const line of lines) {
    const ofProduct = sizes.filter((s) => s.productId === line.productId);
    const size = line.variantId === null ? (ofProduct.length === 1 ? ofProduct[0] : undefined) : ofProduct.find((s) => s.id === line.variantId);
    if (ofProduct.length === 0) throw new Refused({ ok: false, field: "quantity", message: "stall.error.notYours", status: 400 });
    if (!size) throw new Refused({ ok: false, field: "quantity", message: "stall.error.chooseSize", status: 400 });
    const name = variantName(size.name, size.label);
    const changed = tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} - ${line.quantity}` })
      .where(and(eq(productVariants.id, size.id), gte(productVariants.stock, line.quantity)))
      .run().changes;
    if (changed === 0) {
      const left = tx.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, size.id)).get()?.stock ?? 0;
      throw new Refused({ ok: false, field: "quantity", message: "stall.error.stock", params: { name, stock: left }, status: 400 });
    }
    taken.push({ productId: size.productId, variantId: size.id, name, unitPriceVnd: size.priceVnd, quantity: line.quantity, lineTotalVnd: size.priceVnd * line.quantity });
  }
  return taken;
}

/** The actor's own sale by its code; another producer's sale is not found (404), never shown. */
function ownSale(db: Pick<Db, "select">, actor: PortalActor, code: string): StallSale {
  const sale = db
    .select()
    .from(stallSales)
    .where(and(eq(stallSales.code, normalizedSaleCode(code)), eq(stallSales.producerId, actor.producer.id)))
    .get();
  if (!sale) throw new Response("Not found", { status: 404 });
  return sale;
}

/** `GET /seller/stall/sales/:code/status`: what a phone polls while the buyer pays. */
export function saleStatus(actor: PortalActor, code: string): { code: string; amount: number; status: SaleStatus } {
  const sale = ownSale(getDb(), actor, code);
  return { code: sale.code, amount: sale.amountVnd, status: sale.status };
}

/** The sale screen: the sale, its goods, who made and confirmed it, and the QR's account while it waits. */
export function saleView(actor: PortalActor, code: string) {
  const db = getDb();
  const sale = ownSale(db, actor, code);
  const lines = db.select().from(stallSaleLines).where(eq(stallSaleLines.saleId, sale.id)).orderBy(asc(stallSaleLines.id)).all();
  const names = new Map(
    db
      .select({ id: users.id, name: users.fullName })
      .from(users)
      .where(inArray(users.id, [sale.createdByUserId, sale.confirmedByUserId ?? 0, sale.cancelledByUserId ?? 0]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return {
    code: sale.code,
    amountVnd: sale.amountVnd,
    method: sale.method,
    status: sale.status,
    createdAt: sale.createdAt,
    paidAt: sale.paidAt,
    confirmedBy: sale.confirmedBy,
    cancelReason: sale.cancelReason,
    createdBy: names.get(sale.createdByUserId) ?? "",
    confirmedByName: sale.confirmedByUserId ? (names.get(sale.confirmedByUserId) ?? "") : null,
    cancelledBy: sale.cancelledByUserId ? (names.get(sale.cancelledByUserId) ?? "") : null,
    lines: lines.map((l) => ({ name: l.name, quantity: l.quantity, unitPriceVnd: l.unitPriceVnd, lineTotalVnd: l.lineTotalVnd })),
    account: sale.method === "qr" ? accountShown(actor.producer, sale.account) : null,
    paysPlatform: sale.method === "qr" && sale.account === "platform",
  };
}

/** The QR payload of a sale still waiting to be paid, or null (paid, cancelled, cash, no account). */
export function pendingSalePayload(actor: PortalActor, code: string): string | null {
  const sale = ownSale(getDb(), actor, code);
  const account = payingAccount(actor.producer, sale.account);
  if (sale.status !== "pending" || sale.method !== "qr" || !account) return null;
  return salePayload(account, sale);
}

export type SaleMoveOutcome = { ok: true } | { ok: false; message: MessageKey; status: 409 };

/** "Đã nhận tiền": the producer saw the transfer in its bank app. Confirming twice changes nothing. */
export function confirmSale(actor: PortalActor, code: string, now = Date.now()): SaleMoveOutcome {
  return getDb().transaction((tx): SaleMoveOutcome => {
    const sale = ownSale(tx, actor, code);
    if (sale.status === "paid") return { ok: true };
    if (sale.status === "cancelled") return { ok: false, message: "stall.error.cancelled", status: 409 };
    // Money on the platform's account is the platform's bank feed to confirm, as for an order.
    if (sale.account === "platform" && sale.method === "qr") return { ok: false, message: "stall.error.platformConfirm", status: 409 };
    tx.update(stallSales)
      .set({ status: "paid", paidAt: now, confirmedBy: "producer", confirmedByUserId: actor.user.id })
      .where(and(eq(stallSales.id, sale.id), eq(stallSales.status, "pending")))
      .run();
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "stall.confirm", subject: sale.code });
    return { ok: true };
  });
}

/** Cancels a mistaken sale with its reason; the goods it took go back into stock. */
export function cancelSale(actor: PortalActor, code: string, reason: string, now = Date.now()): SaleMoveOutcome {
  return getDb().transaction((tx): SaleMoveOutcome => {
    const sale = ownSale(tx, actor, code);
    if (sale.status === "cancelled") return { ok: true };
    // Paid into the platform's account and booked as payable: only staff can give that money back.
    if (sale.status === "paid" && sale.account === "platform" && sale.method === "qr") return { ok: false, message: "stall.error.platformPaid", status: 409 };
    tx.update(stallSales)
      .set({ status: "cancelled", cancelledAt: now, cancelledByUserId: actor.user.id, cancelReason: reason })
      .where(eq(stallSales.id, sale.id))
      .run();
    for (const line of tx.select().from(stallSaleLines).where(eq(stallSaleLines.saleId, sale.id)).all()) {
      tx.update(productVariants)
        .set({ stock: sql`${productVariants.stock} + ${line.quantity}` })
        .where(eq(productVariants.id, line.variantId))
        .run();
    }
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "stall.cancel", subject: `${sale.code}: ${reason}` });
    return { ok: true };
  });
}

/** What the stall page shows: the stall (null before it is opened), the account, today's takings, the goods to pick. */
export function stallPage(actor: PortalActor, now = Date.now()) {
  const db = getDb();
  const stall = stallOf(actor);
  const today = todayInVietnam(new Date(now));
  const goods = db
    .select({ productId: products.id, variantId: productVariants.id, name: products.name, label: productVariants.label, unit: products.unit, priceVnd: productVariants.priceVnd, stock: productVariants.stock })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(products.producerId, actor.producer.id), isNull(productVariants.archivedAt), sql`${products.status} <> 'hidden'`))
    .orderBy(asc(products.name), asc(productVariants.position))
    .limit(200)
    .all();
  return {
    stall: stall && { code: stall.code, marketName: stall.marketName, webhookToken: stall.webhookToken, sepayApiKey: stall.sepayApiKey, cassoConnected: Boolean(stall.cassoChecksumKey) },
    account: accountShown(actor.producer),
    paysPlatform: settings.stallAccount === "platform",
    today: dayTotals(actor.producer.id, today),
    goods: goods.map((g) => ({ productId: g.productId, variantId: g.variantId, name: variantName(g.name, g.label), unit: g.unit, priceVnd: g.priceVnd, stock: g.stock })),
  };
}

export interface Totals {
  qrCount: number;
  qrVnd: number;
  cashCount: number;
  cashVnd: number;
  totalVnd: number;
  /** Share of paid takings that came by QR, in whole percent; null when nothing was taken. */
  cashlessPercent: number | null;
}

function totalsOf(rows: { method: "qr" | "cash"; n: number; vnd: number | null }[]): Totals {
  const qr = rows.find((r) => r.method === "qr");
  const cash = rows.find((r) => r.method === "cash");
  const qrVnd = qr?.vnd ?? 0;
  const cashVnd = cash?.vnd ?? 0;
  const totalVnd = qrVnd + cashVnd;
  return { qrCount: qr?.n ?? 0, qrVnd, cashCount: cash?.n ?? 0, cashVnd, totalVnd, cashlessPercent: totalVnd > 0 ? Math.round((qrVnd * 100) / totalVnd) : null };
}

/** Paid takings of a producer in [start, end), split QR / cash. */
function paidTotals(producerId: number, start: number, end: number): Totals {
  const rows = getDb()
    .select({ method: stallSales.method, n: sql<number>`count(*)`, vnd: sql<number | null>`sum(${stallSales.amountVnd})` })
    .from(stallSales)
    .where(and(eq(stallSales.producerId, producerId), eq(stallSales.status, "paid"), gte(stallSales.paidAt, start), lt(stallSales.paidAt, end)))
    .groupBy(stallSales.method)
    .all();
  return totalsOf(rows);
}

function dayTotals(producerId: number, day: IsoDate): Totals {
  return paidTotals(producerId, vietnamMidnight(day), vietnamMidnight(addDays(day, 1)));
}

/**
 * The sales book of a day (every sale made that day, whatever became of it, with who made it) and of
 * its month (paid takings day by day). Sales count on the day they were paid; the list shows the
 * day they were made.
 */
export function salesBook(actor: PortalActor, query: { day?: string; month?: string }, now = Date.now()) {
  const today = todayInVietnam(new Date(now));
  const day = query.day ?? (query.month ? `${query.month}-01` : today);
  const month = query.month ?? day.slice(0, 7);
  const db = getDb();
  const start = vietnamMidnight(day);
  const end = vietnamMidnight(addDays(day, 1));
  const sales = db
    .select({ code: stallSales.code, method: stallSales.method, status: stallSales.status, amountVnd: stallSales.amountVnd, createdAt: stallSales.createdAt, marketName: stallSales.marketName, cancelReason: stallSales.cancelReason, createdBy: users.fullName })
    .from(stallSales)
    .innerJoin(users, eq(users.id, stallSales.createdByUserId))
    .where(and(eq(stallSales.producerId, actor.producer.id), gte(stallSales.createdAt, start), lt(stallSales.createdAt, end)))
    .orderBy(desc(stallSales.createdAt), desc(stallSales.id))
    .all();
  const monthStart = vietnamMidnight(`${month}-01`);
  const monthEnd = vietnamMidnight(addMonths(`${month}-01`, 1));
  const byDay = db.all<{ day: string; method: "qr" | "cash"; n: number; vnd: number }>(sql`SELECT date(${stallSales.paidAt} / 1000, 'unixepoch', '+7 hours') AS day, ${stallSales.method} AS method, count(*) AS n, sum(${stallSales.amountVnd}) AS vnd
    FROM ${stallSales}
    WHERE ${stallSales.producerId} = ${actor.producer.id} AND ${stallSales.status} = 'paid' AND ${stallSales.paidAt} >= ${monthStart} AND ${stallSales.paidAt} < ${monthEnd}
    GROUP BY day, method ORDER BY day`);
  const days = [...new Set(byDay.map((r) => r.day))].map((d) => ({ day: d, ...totalsOf(byDay.filter((r) => r.day === d)) }));
  return {
    day,
    month,
    today,
    sales,
    dayTotals: dayTotals(actor.producer.id, day),
    monthTotals: paidTotals(actor.producer.id, monthStart, monthEnd),
    days,
  };
}

/** Every sale of a month for the CSV download, oldest first. */
export function salesOfMonth(actor: PortalActor, month: string) {
  const start = vietnamMidnight(`${month}-01`);
  const end = vietnamMidnight(addMonths(`${month}-01`, 1));
  return getDb()
    .select({ code: stallSales.code, createdAt: stallSales.createdAt, paidAt: stallSales.paidAt, method: stallSales.method, status: stallSales.status, amountVnd: stallSales.amountVnd, marketName: stallSales.marketName, confirmedBy: stallSales.confirmedBy, cancelReason: stallSales.cancelReason, createdBy: users.fullName })
    .from(stallSales)
    .innerJoin(users, eq(users.id, stallSales.createdByUserId))
    .where(and(eq(stallSales.producerId, actor.producer.id), gte(stallSales.createdAt, start), lt(stallSales.createdAt, end)))
    .orderBy(asc(stallSales.createdAt), asc(stallSales.id))
    .all();
}

/** The sign to print: the producer, its province, the best stars of its certified goods, the stall's static QR. */
export function stallSign(actor: PortalActor, now = Date.now()) {
  const stall = stallOf(actor);
  const account = payingAccount(actor.producer);
  if (!stall) return null;
  const today = todayInVietnam(new Date(now));
  const stars =
    getDb()
      .select({ stars: sql<number | null>`max(${products.badgeStars})` })
      .from(products)
      .where(and(eq(products.producerId, actor.producer.id), badgeValid(products, today)))
      .get()?.stars ?? null;
  return {
    code: stall.code,
    marketName: stall.marketName,
    payload: account ? stallSignPayload(account, stall.code) : null,
    account: accountShown(actor.producer),
    stars,
    producer: { name: actor.producer.name, slug: actor.producer.slug, provinceCode: actor.producer.provinceCode },
  };
}

