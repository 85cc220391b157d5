/**
 * Casso (webhook v2), INTEGRATIONS.md §1.2: everything this marketplace assumes about Casso's formats
 * lives here, so a live check corrects one file. [C] = Casso's docs or official sample, [I] = inferred.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { IncomingTransfer } from "../incoming-transfer.server";

/** Casso's docs do not say what it wants back [Unknown]; 200 with this body is the assumption. */
export const CASSO_REPLY = { success: true } as const;

/** Objects with their keys sorted at every depth; arrays keep their order [C sample]. */
export function deepSortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepSortKeys);
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties: a key named "__proto__" stays a key, as it is in the JSON.
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, deepSortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** `hex(HMAC_SHA512(key, t + "." + JSON.stringify(deepSortKeys(wholeBody))))` [C sample, V]. */
export function cassoSignature(checksumKey: string, t: string, body: unknown): string {
  return createHmac("sha512", checksumKey).update(`${t}.${JSON.stringify(deepSortKeys(body))}`).digest("hex");
}

/**
 * `X-Casso-Signature: t=<unix ms>,v1=<hex>` [C] over the whole parsed body, `error` included. No
 * timestamp window: Casso's tolerance is not documented [Unknown], and a replay changes nothing (dedupe on `data.id`).
 */
export function cassoSignatureIsValid(header: string | null, body: unknown, checksumKey: string): boolean {
  const parts = new Map<string, string>();
  for (const part of (header ?? "").split(",")) {
    const at = part.indexOf("=");
    if (at > 0) parts.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const t = parts.get("t") ?? "";
  const v1 = parts.get("v1") ?? "";
  if (!/^\d{1,16}$/.test(t) || !/^[0-9a-f]{128}$/i.test(v1)) return false;
  return timingSafeEqual(Buffer.from(cassoSignature(checksumKey, t, body), "hex"), Buffer.from(v1, "hex"));
}

const text = (max: number) => z.string().max(max);
/** A negative amount is money that left the account [I]. */
const signedVnd = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

/** The v2 body [C: official sample]; `error` other than 0 carries no transaction. */
export const cassoWebhookSchema = z.object({
  error: z.number().int(),
  data: z
    .object({
      id: z.number().int().nonnegative(),
      reference: text(100).nullish(),
      description: text(1000).nullish(),
      amount: signedVnd,
      transactionDateTime: text(40),
      accountNumber: text(40),
    })
    .nullish(),
});
export type CassoWebhook = z.infer<typeof cassoWebhookSchema>;

/** One transaction as the domain's transfer; `data.id` is the dedupe key [Unknown: assumed]. */
export function cassoTransfer(data: NonNullable<CassoWebhook["data"]>): IncomingTransfer {
  return {
    provider: "casso",
    transactionId: String(data.id),
    direction: data.amount < 0 ? "out" : "in",
    amountVnd: Math.abs(data.amount),
    description: data.description ?? "",
    accountNumber: data.accountNumber,
    occurredAt: data.transactionDateTime,
  };
}

// Transaction list: `GET {base}/v2/transactions?fromDate=yyyy-MM-dd&page=&pageSize=&sort=DESC` with
// `Authorization: Apikey <key>`, records in `data.records` [I: Casso's v2 API docs as remembered, not among
// INTEGRATIONS.md's sources]. A record's `id` is assumed to be the webhook's `data.id` [I].

export const CASSO_LIST_PATH = "/v2/transactions";

export const cassoListSchema = z.object({
  error: z.number().int(),
  data: z.object({
    totalPages: z.number().int().nonnegative().optional(),
    records: z.array(
      z.object({
        id: z.number().int().nonnegative(),
        description: text(1000).nullish(),
        amount: signedVnd,
        when: text(40),
        bankSubAccId: text(40),
      }),
    ),
  }),
});
export type CassoListItem = z.infer<typeof cassoListSchema>["data"]["records"][number];

export function cassoListTransfer(item: CassoListItem): IncomingTransfer {
  return cassoTransfer({
    id: item.id,
    description: item.description,
    amount: item.amount,
    transactionDateTime: item.when,
    accountNumber: item.bankSubAccId,
  });
}

/** `yyyy-MM-dd` in Vietnam's time (GMT+7) [I]. */
export function cassoDate(at: number): string {
  return new Date(at + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
