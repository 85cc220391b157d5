import type { Transporter } from "nodemailer";
import { settings } from "~/settings.server";
import { providerRequestId, type ChannelAdapter, type SendResult } from "../channels.server";
import { publicLink, type MessageRow } from "../outbox.server";

/**
 * E-mail over SMTP with nodemailer and a connection pool (INTEGRATIONS.md §4.3): SMTP_URL in
 * nodemailer's URL form, e.g. `smtps://user:pass@smtp.example.vn/?pool=true` (a pool is asked for when
 * the URL does not say). Our message id is the Message-ID, so a resend after a crash is recognisably
 * the same mail.
 */
let transport: { url: string; smtp: Transporter } | undefined;

// nodemailer is loaded when the first e-mail goes out, not in every worker at start (about 15 MB).
async function transportFor(url: string): Promise<Transporter> {
  const { createTransport } = await import("nodemailer");
  if (transport?.url !== url) transport = { url, smtp: createTransport(url.includes("pool=") ? url : `${url}${url.includes("?") ? "&" : "?"}pool=true`) };
  return transport.smtp;
}

function messageIdHost(): string {
  const origin = settings.publicOrigin ?? `http://localhost:${settings.port}`;
  return new URL(origin).hostname;
}

export const emailAdapter: ChannelAdapter = {
  async send(message: MessageRow): Promise<SendResult> {
    const url = settings.messages.smtpUrl;
    if (!url) return { outcome: "retry", reason: "SMTP_URL is not set" };
    const messageId = `<${providerRequestId(message)}@${messageIdHost()}>`;
    let sent: { messageId?: string; rejected?: unknown[] };
    try {
      sent = await (await transportFor(url)).sendMail({ from: settings.messages.mailFrom, to: message.recipientAddress, messageId, ...emailContent(message) });
    } catch (error) {
      // 5xx: the server refused this mail for good (no such mailbox…); anything else may pass later.
      const code = typeof error === "object" && error !== null ? Number(Reflect.get(error, "responseCode")) : NaN;
      const reason = `SMTP: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
      return code >= 500 && code < 600 ? { outcome: "failed", reason } : { outcome: "retry", reason };
    }
    if (Array.isArray(sent.rejected) && sent.rejected.length > 0) return { outcome: "failed", reason: "SMTP: recipient rejected" };
    return { outcome: "accepted", providerId: sent.messageId ?? messageId };
  },
};

/**
 * Subject, text and headers of an e-mail. A kind the person may turn off carries a one-click
 * unsubscribe (RFC 8058: List-Unsubscribe with an https link, List-Unsubscribe-Post) and the same
 * link in the text.
 */
export function emailContent(message: Pick<MessageRow, "id" | "subject" | "body" | "locale" | "unsubscribeToken">) {
  const headers: Record<string, string> = { "X-Entity-Ref-ID": providerRequestId(message) };
  if (!message.unsubscribeToken) return { subject: message.subject, text: message.body, headers };
  const link = publicLink(`/messages/unsubscribe?t=${encodeURIComponent(message.unsubscribeToken)}`);
  headers["List-Unsubscribe"] = `<${link}>`;
  headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  const footer = message.locale === "en" ? `Unsubscribe from these e-mails: ${link}` : `Ngừng nhận loại email này: ${link}`;
  return { subject: message.subject, text: `${message.body}\n\n${footer}`, headers };
}
