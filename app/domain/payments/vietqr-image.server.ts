import QRCode from "qrcode";
import { settings } from "~/settings.server";
import { awaitsPayment, awaitsTransfer, type PaymentMethod, type PaymentStatus } from "./payment-states";
import { paymentLinkOfOrder } from "./payment-links.server";
import { encodeVietQr } from "./vietqr";

/** The VietQR payload that pays this order: the platform's account, the exact amount, the code as purpose. */
export function orderVietQrPayload(order: { code: string; totalVnd: number }): string {
  const account = settings.vietQrAccount;
  return encodeVietQr({ bankBin: account.bankBin, accountNumber: account.accountNo, amount: order.totalVnd, purpose: order.code });
}

/**
 * The QR string that pays this order now, or null when there is none: our own VietQR for a transfer
 * order, the string payOS made for a payOS order's open link (ADR 0023).
 */
export function payableQrPayload(order: { id: number; code: string; totalVnd: number; paymentMethod: PaymentMethod; paymentStatus: PaymentStatus }): string | null {
  if (awaitsTransfer(order)) return orderVietQrPayload(order);
  if (order.paymentMethod === "payos" && awaitsPayment(order.paymentStatus)) {
    const link = paymentLinkOfOrder(order.id);
    return link?.status === "open" ? link.qrCode : null;
  }
  return null;
}

/** A PNG of the code, big enough for a banking app to read from a photo or a saved image. */
export function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 480 });
}
