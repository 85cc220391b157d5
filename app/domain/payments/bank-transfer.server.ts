import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { receiveTransfer, type TransferReceipt } from "./incoming-transfer.server";

/** The bank's notification of one incoming transfer (PRODUCT.md §5). */
export const bankNotificationSchema = z.object({
  transactionId: z.string().trim().min(1).max(100),
  amount: z.number().int().positive().max(1_000_000_000_000),
  description: z.string().max(500),
  accountNumber: z.string().trim().min(1).max(40),
  occurredAt: z.string().trim().min(1).max(40),
});
export type BankNotification = z.infer<typeof bankNotificationSchema>;

/** `X-Signature: sha256=<hex HMAC-SHA256 of the raw body's bytes>`, compared in constant time. */
export function bankSignatureIsValid(rawBody: Buffer, header: string | null, secret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, "hex"));
}

/**
 * Our own generic notification (PRODUCT.md §5), one adapter among the providers: it becomes an
 * IncomingTransfer of provider `bank` and goes through the one path every provider takes.
 */
export function receiveBankTransfer(notification: BankNotification, now = Date.now()): TransferReceipt {
  return receiveTransfer(
    {
      provider: "bank",
      transactionId: notification.transactionId,
      direction: "in",
      amountVnd: notification.amount,
      description: notification.description,
      accountNumber: notification.accountNumber,
      occurredAt: notification.occurredAt,
    },
    now,
  );
}
