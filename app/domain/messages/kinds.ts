/**
 * Every kind of message the marketplace sends, with who gets it and how it may be held back.
 * `mustSend`: the person cannot turn it off (payment details, money moved, a sign-in code).
 * `urgent`: sent at night too; everything else waits for the morning (quiet hours).
 */
export const MESSAGE_KINDS = [
  "order_placed",
  "order_paid",
  "part_shipped",
  "part_delivered",
  "part_refunded",
  "new_paid_order",
  "order_lapsing",
  "review_received",
  "payout_made",
  "verification_decided",
  "question_asked",
  "certificate_expiring",
  "helper_invite",
  "staff_digest",
  "password_code",
  "complaint_opened",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_CHANNELS = ["zalo", "sms", "email"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_STATUSES = ["pending", "sending", "accepted", "delivered", "failed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_LOCALES = ["vi", "en"] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

export interface KindRule {
  audience: "shopper" | "producer" | "helper" | "staff" | "anyone";
  mustSend: boolean;
  urgent: boolean;
}

export const KIND_RULES: Record<MessageKind, KindRule> = {
  order_placed: { audience: "shopper", mustSend: true, urgent: true },
  order_paid: { audience: "shopper", mustSend: true, urgent: true },
  part_shipped: { audience: "shopper", mustSend: false, urgent: false },
  part_delivered: { audience: "shopper", mustSend: false, urgent: false },
  part_refunded: { audience: "shopper", mustSend: true, urgent: false },
  new_paid_order: { audience: "producer", mustSend: true, urgent: true },
  order_lapsing: { audience: "producer", mustSend: true, urgent: false },
  review_received: { audience: "producer", mustSend: false, urgent: false },
  payout_made: { audience: "producer", mustSend: true, urgent: false },
  verification_decided: { audience: "producer", mustSend: true, urgent: false },
  question_asked: { audience: "producer", mustSend: false, urgent: false },
  certificate_expiring: { audience: "producer", mustSend: true, urgent: false },
  helper_invite: { audience: "helper", mustSend: false, urgent: false },
  staff_digest: { audience: "staff", mustSend: false, urgent: false },
  password_code: { audience: "anyone", mustSend: true, urgent: true },
  // The producer has 48 hours to answer (issue 19): it may not turn this off.
  complaint_opened: { audience: "producer", mustSend: true, urgent: false },
};
