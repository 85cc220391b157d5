/** The tests' QR reader (tests/setup/qr-decode.ts) reads back what the `qrcode` package draws, at every level, as PNG and as SVG. */
import QRCode from "qrcode";
import sharp from "sharp";
import { expect, it } from "vitest";
import { decodeQr } from "../setup/qr-decode";

it("reads back VietQR payloads, URLs and Vietnamese text at every error-correction level", async () => {
  const texts = [
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6",
    "https://example.com/producers/hop-tac-xa-abc",
    "CS7K2M9Q4XAB",
    "Tiếng Việt có dấu 123",
  ];
  for (const text of texts) {
    for (const level of ["L", "M", "Q", "H"] as const) {
      const png = await QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: level, margin: 4, width: 480 });
      expect(await decodeQr(png)).toBe(text);
      const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: level, margin: 4 });
      expect(await decodeQr(await sharp(Buffer.from(svg), { density: 300 }).png().toBuffer())).toBe(text);
    }
  }
});
