import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers, stallCallbacks, stallSales, stalls } from "~/db/schema";
import type { IncomingTransfer } from "../payments/incoming-transfer.server";
import { CASSO_REPLY, cassoSignatureIsValid, cassoTransfer, cassoWebhookSchema } from "../payments/providers/casso";
import { parseJson, type ProviderReply } from "../payments/providers/provider-reply";
import { SEPAY_REPLY, sepayApiKeyIsValid, sepayHmacCheck, sepayTransfer, sepayWebhookSchema } from "../payments/providers/sepay";
import { saleCodeCandidates } from "./stall-codes";
import type { Stall } from "./stalls.server";

type CallbackOutcome = (typeof stallCallbacks.$inferInsert)["outcome"];

function stallByToken(token: string): Stall | null {
  // Tokens are 32 URL-safe characters; anything else is not worth a lookup.
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return getDb().select().from(stalls).where(eq(stalls.webhookToken, token)).get() ?? null;
}

const NOT_FOUND: ProviderReply = { status: 404, body: { success: false, error: "unknown webhook" } };

/**
 * `POST /webhooks/stall/:token/sepay`: a producer's own SePay account reports a transaction. The
 * same adapter as the platform's webhook (ADR 0023), with the producer's own API key: SePay's
 * `Authorization: Apikey <key>` must carry the key shown on that producer's /seller/stall, so a
 * call signed for another producer, or with a guessed key, stores and changes nothing.
 * SePay's HMAC mode with the same key as secret is accepted too.
 */
export function receiveStallSepay(token: string, rawBody: Buffer, headers: Headers, now = Date.now()): ProviderReply {
  const stall = stallByToken(token);
  if (!stall) return NOT_FOUND;
  const hmac = headers.get("X-SePay-Signature") !== null;
  const authentic = hmac
    ? sepayHmacCheck(rawBody, headers.get("X-SePay-Signature"), headers.get("X-SePay-Timestamp"), stall.sepayApiKey, now) === "ok"
    : sepayApiKeyIsValid(headers.get("Authorization"), stall.sepayApiKey);
  if (!authentic) return { status: 401, body: { success: false, error: "invalid API key" } };
  const parsed = sepayWebhookSchema.safeParse(parseJson(rawBody));
  if (!parsed.success) return { status: 400, body: { success: false, error: "invalid body" } };
  receiveStallTransfer(stall, sepayTransfer(parsed.data), now);
  return { status: 200, body: SEPAY_REPLY };
}

/**
 * `POST /webhooks/stall/:token/casso`: the producer's own Casso account, its `X-Casso-Signature`
 * checked with the checksum key the producer pasted on /seller/stall (none saved: refused).
 */
export function receiveStallCasso(token: string, rawBody: Buffer, headers: Headers, now = Date.now()): ProviderReply {
  const stall = stallByToken(token);
  if (!stall) return NOT_FOUND;
  if (!stall.cassoChecksumKey) return { status: 401, body: { success: false, error: "Casso is not connected" } };
  const json = parseJson(rawBody);
  if (json === undefined) return { status: 400, body: { success: false, error: "body is not JSON" } };
  if (!cassoSignatureIsValid(headers.get("X-Casso-Signature"), json, stall.cassoChecksumKey)) {
    return { status: 401, body: { success: false, error: "invalid signature" } };
  }
  const parsed = cassoWebhookSchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { success: false, error: "invalid body" } };
  if (parsed.data.error === 0 && parsed.data.data) receiveStallTransfer(stall, cassoTransfer(parsed.data.data), now);
  return { status: 200, body: CASSO_REPLY };
}

/**
 * Stores the callback and confirms the stall's pending sale it names, once: the code (the provider's
 * hint, else the content) must be one of this producer's sales, the amount exact, the account the
 * producer's own. The provider's id delivered again (a retry) is the same row and changes nothing.
 * One BEGIN IMMEDIATE transaction, so two deliveries racing serialize.
 */
export function receiveStallTransfer(stall: Stall, transfer: IncomingTransfer, now = Date.now()): CallbackOutcome | "redelivered" {
  const provider = transfer.provider === "casso" ? "casso" : "sepay";
  return getDb().transaction((tx) => {
    const seen = tx
      .select({ id: stallCallbacks.id })
      .from(stallCallbacks)
      .where(and(eq(stallCallbacks.stallId, stall.id), eq(stallCallbacks.provider, provider), eq(stallCallbacks.transactionId, transfer.transactionId)))
      .get();
    if (seen) return "redelivered";

    const codes = [...new Set([...saleCodeCandidates(transfer.codeHint ?? ""), ...saleCodeCandidates(transfer.description)])];
    const sale =
      codes.length === 0
        ? undefined
        : tx
            .select()
            .from(stallSales)
            // Only sales paying the producer's own account: the platform's are its own bank feed's.
            .where(and(eq(stallSales.producerId, stall.producerId), eq(stallSales.account, "producer"), inArray(stallSales.code, codes)))
            .get();
    const ownAccount = tx.select({ accountNo: producers.bankAccountNo }).from(producers).where(eq(producers.id, stall.producerId)).get()?.accountNo ?? null;

    let outcome: CallbackOutcome;
    if (transfer.direction === "out") outcome = "outgoing";
    else if (!sale) outcome = "unknown_code";
    else if (ownAccount !== null && transfer.accountNumber.replace(/\D/g, "") !== ownAccount.replace(/\D/g, "")) outcome = "wrong_account";
    else if (sale.status === "cancelled") outcome = "cancelled";
    else if (sale.status === "paid") outcome = "already_paid";
    else if (transfer.amountVnd !== sale.amountVnd) outcome = "wrong_amount";
    else outcome = "confirmed";

    if (outcome === "confirmed" && sale) {
      tx.update(stallSales)
        .set({ status: "paid", paidAt: now, confirmedBy: provider, confirmedByUserId: null })
        .where(and(eq(stallSales.id, sale.id), eq(stallSales.status, "pending")))
        .run();
    }
    tx.insert(stallCallbacks)
      .values({
        stallId: stall.id,
        provider,
        transactionId: transfer.transactionId,
        direction: transfer.direction,
        amountVnd: transfer.amountVnd,
        description: transfer.description,
        accountNumber: transfer.accountNumber,
        occurredAt: transfer.occurredAt,
        saleId: sale?.id ?? null,
        outcome,
      })
      .run();
    return outcome;
  });
}
