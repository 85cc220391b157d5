import { settings } from "~/settings.server";
import type { MessageChannel } from "./kinds";
import type { MessageRow } from "./outbox.server";
import { esmsAdapter } from "./providers/esms.server";
import { emailAdapter } from "./providers/email.server";
import { znsAdapter } from "./providers/zns.server";

/**
 * What a provider said about one send, in the outbox's terms (ADR 0024):
 * - accepted: it took the message (delivery may be reported later by callback);
 * - delivered: it is known to have arrived;
 * - retry: a passing failure (timeout, 5xx, balance), tried again with backoff;
 * - failed: it will never go through this way (bad number, template refused);
 * - fallback: Zalo cannot reach this person ("no Zalo account", "user rejected"): send an SMS instead.
 */
export type SendResult =
  | { outcome: "accepted" | "delivered"; providerId: string }
  | { outcome: "retry" | "failed" | "fallback"; reason: string };

export interface ChannelAdapter {
  send(message: MessageRow): Promise<SendResult>;
}

/** The id every provider gets for a message: resent after a crash, it is the same, so the provider drops the copy. */
export function providerRequestId(message: Pick<MessageRow, "id">): string {
  return `ocop-msg-${message.id}`;
}

/** The message a provider's report names by the id we gave it (providerRequestId), or null. */
export function messageIdOfTracking(trackingId: string): number | null {
  const id = Number(/^ocop-msg-(\d{1,15})$/.exec(trackingId)?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The adapter of a channel whose settings are present; null sends to the development outbox. */
export function channelFor(channel: MessageChannel): ChannelAdapter | null {
  const configured = settings.messages;
  if (channel === "zalo") return configured.zalo ? znsAdapter : null;
  if (channel === "sms") return configured.esms ? esmsAdapter : null;
  return configured.smtpUrl ? emailAdapter : null;
}

/** Every call out waits this long at most: a hung provider must not hold the worker past its lease. */
export const SEND_TIMEOUT_MS = 15_000;
