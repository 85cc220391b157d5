import { z } from "zod";
import { settings } from "~/settings.server";
import { providerRequestId, SEND_TIMEOUT_MS, type ChannelAdapter, type SendResult } from "../channels.server";
import type { MessageRow } from "../outbox.server";
import { nationalPhone } from "../phone";
import { smsText } from "./ascii";

/**
 * eSMS brandname SMS (INTEGRATIONS.md §4.2, all [C] from developers.esms.vn). What this module assumes:
 * - send: POST {ESMS_API_BASE}/MainService.svc/json/SendMultipleMessage_V4_post_json/ with
 *   ApiKey, SecretKey, Phone, Content, Brandname, SmsType "2", IsUnicode "0", Sandbox, RequestId,
 *   CallbackUrl → { CodeResult, SMSID, ErrorMessage }; "100" means accepted, not delivered;
 * - "124" is a duplicate RequestId: a resend of a message eSMS already took, so accepted;
 * - callback: GET with SMSID, RequestId, SendStatus (5 sent, 4 rejected; 1, 2, 7 still on the way),
 *   unsigned, hence the secret in its URL.
 */
const DUPLICATE = "124";
/** Worth another try later: balance too low, IP not yet whitelisted. */
const PASSING = new Set(["103", "140"]);

const sendReply = z.object({
  CodeResult: z.coerce.string(),
  SMSID: z.coerce.string().optional(),
  ErrorMessage: z.string().optional().nullable(),
});

export const esmsAdapter: ChannelAdapter = {
  async send(message: MessageRow): Promise<SendResult> {
    const esms = settings.messages.esms;
    if (!esms) return { outcome: "retry", reason: "eSMS is not configured" };
    const requestId = providerRequestId(message);
    const callbackUrl = esms.callbackSecret ? callbackLink(esms.callbackSecret) : "";
    const response = await fetch(`${esms.apiBase}/MainService.svc/json/SendMultipleMessage_V4_post_json/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ApiKey: esms.apiKey,
        SecretKey: esms.secretKey,
        Phone: nationalPhone(message.recipientAddress),
        Content: smsText(message.body),
        Brandname: esms.brandname,
        SmsType: "2",
        IsUnicode: "0",
        Sandbox: esms.sandbox ? "1" : "0",
        RequestId: requestId,
        CallbackUrl: callbackUrl,
        SendDate: "",
        campaignid: message.kind,
      }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (!response.ok) return { outcome: "retry", reason: `eSMS HTTP ${response.status}` };
    const reply = sendReply.safeParse(await response.json().catch(() => null));
    if (!reply.success) return { outcome: "retry", reason: "eSMS: unreadable reply" };
    const { CodeResult: code, SMSID: smsId, ErrorMessage: error } = reply.data;
    if (code === "100") return { outcome: "accepted", providerId: smsId || requestId };
    // A resend after a crash: eSMS took this RequestId before, the person gets one SMS.
    if (code === DUPLICATE) return { outcome: "accepted", providerId: smsId || requestId };
    const reason = `eSMS ${code}${error ? `: ${error}` : ""}`;
    return PASSING.has(code) ? { outcome: "retry", reason } : { outcome: "failed", reason };
  },
};

function callbackLink(secret: string): string {
  const origin = settings.publicOrigin ?? `http://localhost:${settings.port}`;
  const url = new URL("/webhooks/esms", origin);
  url.searchParams.set("k", secret);
  return url.toString();
}

/** An eSMS delivery report in the outbox's terms: the message it is about and what became of it. */
export function readEsmsCallback(params: URLSearchParams): { messageId: number; status: "delivered" | "failed" | null; reason: string } | null {
  const match = /^ocop-msg-(\d+)$/.exec(params.get("RequestId") ?? "");
  if (!match) return null;
  const sendStatus = params.get("SendStatus") ?? "";
  const status = sendStatus === "5" ? "delivered" : sendStatus === "4" ? "failed" : null;
  return { messageId: Number(match[1]), status, reason: `eSMS SendStatus ${sendStatus}` };
}
