import QRCode from "qrcode";
import type { PortalActor } from "../producers/portal-actor.server";
import { stallSign } from "./stalls.server";

/**
 * One of the sign's QR codes as SVG: the stall's static VietQR (`pay`) or the producer's public page
 * (`producer`); null before the stall is opened or, for `pay`, before the producer saved its account.
 * Error correction Q and a wide quiet zone: the sign is printed on cheap paper, taped to a stall, and
 * scanned from arm's length.
 */
export async function stallSignQrSvg(actor: PortalActor, kind: "pay" | "producer", origin: string): Promise<string | null> {
  const sign = stallSign(actor);
  if (!sign) return null;
  const text = kind === "pay" ? sign.payload : `${origin}/producers/${sign.producer.slug}`;
  if (text === null) return null;
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "Q", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
}
