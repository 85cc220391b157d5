import { settings } from "~/settings.server";
import { providerRequestId, type ChannelAdapter, type SendResult } from "../channels.server";
import { publicLink, type MessageRow } from "../outbox.server";

/**
 * E-mail over SMTP with nodemailer and a connection pool (INTEGRATIONS.md §4.3): SMTP_URL in
 * nodemailer's URL form, e.g. `smtps://user:pass@smtp.example.vn/?pool=true`. Our message id is the
 * Message-ID, so a resend after a crash is recognisably the same mail.
 *
 * nodemailer is not yet a dependency of the project (ADR 0024): it is loaded when SMTP_URL is set,
 * and until it is installed every e-mail waits (retried with backoff) with the reason shown to staff.
 */
interface Transport {
  sendMail(mail: Record<string, unknown>): Promise<{ messageId?: string; accepted?: unknown[]; rejected?: unknown[] }>;
}

let transport: Promise<Transport | null> | undefined;

async function openTransport(url: string): Promise<Transport | null> {
  // A name in a variable: neither TypeScript nor Vite resolves it at build time.
  const name = "nodemailer";
  try {
    const loaded: unknown = await import(/* @vite-ignore */ name);
    const createTransport = pick(pick(loaded, "default") ?? loaded, "createTransport");
    if (typeof createTransport !== "function") return null;
    const created: unknown = createTransport(url.includes("pool=") ? url : `${url}${url.includes("?") ? "&" : "?"}pool=true`);
    return isTransport(created) ? created : null;
  } catch {
    return null;
  }
}

function pick(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

function isTransport(value: unknown): value is Transport {
  return typeof pick(value, "sendMail") === "function";
}

function messageIdHost(): string {
  const origin = settings.publicOrigin ?? `http://localhost:${settings.port}`;
  return new URL(origin).hostname;
}

export const emailAdapter: ChannelAdapter = {
  async send(message: MessageRow): Promise<SendResult> {
    const url = settings.messages.smtpUrl;
    if (!url) return { outcome: "retry", reason: "SMTP_URL is not set" };
    transport ??= openTransport(url);
    const smtp = await transport;
    if (!smtp) {
      transport = undefined;
      return { outcome: "retry", reason: "nodemailer is not installed" };
    }
    const messageId = `<${providerRequestId(message)}@${messageIdHost()}>`;
    const sent = await smtp.sendMail({ from: settings.messages.mailFrom, to: message.recipientAddress, messageId, ...emailContent(message) });
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
