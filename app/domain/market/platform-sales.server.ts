import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { stallSales } from "~/db/schema";
import { recordStallSalePayable } from "../ledger/ledger.server";
import { saleCodeCandidates } from "./stall-codes";

/** What became of a transfer to the platform's account that names a stall sale. */
export type PlatformSaleOutcome = "applied" | "duplicate" | "wrong_amount";

/**
 * STALL_ACCOUNT=platform (issue 16): a transfer on the platform's account that names no order may
 * name a stall sale paying the platform. Confirmed like an order: the exact amount, once; the amount
 * is then payable to the producer in the ledger. Null when the transfer names no such sale. Called
 * inside the transfer's own transaction (payments/incoming-transfer.server.ts).
 */
export function payPlatformStallSale(transfer: { description: string; codeHint?: string | null; amountVnd: number }, now: number): PlatformSaleOutcome | null {
  const codes = [...new Set([...saleCodeCandidates(transfer.codeHint ?? ""), ...saleCodeCandidates(transfer.description)])];
  if (codes.length === 0) return null;
  const db = getDb();
  const sale = db
    .select()
    .from(stallSales)
    .where(and(inArray(stallSales.code, codes), eq(stallSales.account, "platform"), eq(stallSales.method, "qr")))
    .get();
  if (!sale) return null;
  if (sale.status !== "pending") return "duplicate";
  if (sale.amountVnd !== transfer.amountVnd) return "wrong_amount";
  const changed = db
    .update(stallSales)
    .set({ status: "paid", paidAt: now, confirmedBy: "platform", confirmedByUserId: null })
    .where(and(eq(stallSales.id, sale.id), eq(stallSales.status, "pending")))
    .run().changes;
  if (changed === 0) return "duplicate";
  recordStallSalePayable(sale.producerId, sale.amountVnd, sale.code, now);
  return "applied";
}
