import QRCode from "qrcode";

/** The traceability QR code of a product: its public URL, as an SVG that prints sharply at any size. */
export function productQrSvg(productUrl: string): Promise<string> {
  return QRCode.toString(productUrl, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
