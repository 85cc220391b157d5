import { timingSafeEqual } from "node:crypto";
import { settings } from "~/settings.server";
import { recordDeliveryReport } from "./outbox.server";
import { readEsmsCallback } from "./providers/esms.server";
import { readZaloDeliveryReport } from "./providers/zns.server";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An eSMS delivery report, checked against the callback secret and applied once. */
export function receiveEsmsCallback(params: URLSearchParams): "ok" | "forbidden" | "off" | "bad" {
  const secret = settings.messages.esms?.callbackSecret;
  if (!secret) return "off";
  if (!sameSecret(params.get("k") ?? "", secret)) return "forbidden";
  const report = readEsmsCallback(params);
  if (!report) return "bad";
  recordDeliveryReport({ ...report, channel: "sms" });
  return "ok";
}

/** Zalo's delivery report (the OA webhook), checked against its signature and applied once. */
export function receiveZaloCallback(rawBody: Buffer, signatureHeader: string | null): "ok" | "forbidden" | "off" {
  const report = readZaloDeliveryReport(rawBody, signatureHeader);
  if (report === "off") return "off";
  if (report === "unsigned") return "forbidden";
  // An event of no use to us (another kind, a message not ours) is acknowledged: Zalo must not retry it.
  if (report) recordDeliveryReport({ messageId: report.messageId, channel: "zalo", status: "delivered", reason: "" });
  return "ok";
}
