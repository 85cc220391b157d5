import QRCode from "qrcode";
import { settings } from "~/settings.server";
import { encodeVietQr } from "./vietqr";

/** The VietQR payload that pays this order: the platform's account, the exact amount, the code as purpose. */
export function orderVietQrPayload(order: { code: string; totalVnd: number }): string {
  const account = settings.vietQrAccount;
  return encodeVietQr({ bankBin: account.bankBin, accountNumber: account.accountNo, amount: order.totalVnd, purpose: order.code });
}

/** A PNG of the code, big enough for a banking app to read from a photo or a saved image. */
export function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 480 });
}
