import type { MessageKind, MessageLocale } from "./kinds";

/**
 * What each message says, Vietnamese first and English for accounts that chose it. Short: an SMS or
 * a Zalo notice is read on a phone's lock screen, and the link carries the rest. `{name}` is filled
 * from the event's values; the link is added after the text by `renderMessage`.
 *
 * The texts live here rather than in app/i18n: they are not page text, they go out to phones and
 * mailboxes, and a Zalo template is approved against exactly these values (ADR 0024).
 */
interface Text {
  subject: string;
  body: string;
}

const vi: Record<MessageKind, Text> = {
  order_placed: {
    subject: "Đơn {code}: chờ thanh toán {total}",
    body: "Chợ OCOP: đã nhận đơn {code}, {total}. {payment} Hạn thanh toán {deadline}.",
  },
  order_paid: {
    subject: "Đơn {code} đã thanh toán",
    body: "Chợ OCOP: đơn {code} đã được thanh toán {total}. Nhà sản xuất đang chuẩn bị hàng.",
  },
  part_shipped: {
    subject: "Đơn {code} đã gửi hàng",
    body: "Chợ OCOP: {producer} đã gửi hàng đơn {code} qua {carrier}, mã vận đơn {tracking}.",
  },
  part_delivered: {
    subject: "Đơn {code} đã giao",
    body: "Chợ OCOP: đơn {code} của {producer} đã giao. Mời bạn đánh giá sản phẩm.",
  },
  part_refunded: {
    subject: "Đơn {code} đã hoàn tiền",
    body: "Chợ OCOP: {producer} đã hoàn {amount} cho đơn {code}.",
  },
  new_paid_order: {
    subject: "Đơn mới {code} đã thanh toán",
    body: "Chợ OCOP: đơn {code} đã thanh toán {total}. Cần gửi: {items}. Gửi hàng trước {shipBy}.",
  },
  order_lapsing: {
    subject: "Đơn {code} sắp quá hạn gửi",
    body: "Chợ OCOP: đơn {code} chưa gửi hàng, hạn gửi {shipBy}. Người mua đang chờ, hãy gửi hàng sớm.",
  },
  review_received: {
    subject: "Đánh giá mới {stars} sao",
    body: "Chợ OCOP: {product} vừa nhận đánh giá {stars} sao.",
  },
  payout_made: {
    subject: "Đã chuyển {amount}",
    body: "Chợ OCOP: đã chuyển {amount} vào tài khoản {account} của {producer}.",
  },
  verification_decided: {
    subject: "Hồ sơ {producer}: {decision}",
    body: "Chợ OCOP: hồ sơ {producer}: {decision}. {note}",
  },
  complaint_opened: {
    subject: "Khiếu nại về đơn {order}",
    body: "Chợ OCOP: người mua khiếu nại đơn {order} ({reason}). Hãy trả lời trước {due}, nếu không cán bộ tỉnh sẽ quyết định.",
  },
  question_asked: {
    subject: "Câu hỏi mới về {product}",
    body: "Chợ OCOP: có người hỏi về {product}: “{question}”",
  },
  certificate_expiring: {
    subject: "Chứng nhận OCOP hết hạn sau {days} ngày",
    body: "Chợ OCOP: chứng nhận OCOP số {number} hết hạn ngày {expires} (còn {days} ngày). Hãy tải lên chứng nhận mới.",
  },
  helper_invite: {
    subject: "Hỗ trợ {producer}: {outcome}",
    body: "Chợ OCOP: quyền hỗ trợ {producer} của bạn {outcome}.",
  },
  staff_digest: {
    subject: "Việc cần xử lý hôm nay",
    body: "Chợ OCOP: {producers} hồ sơ chờ xác minh, {reports} báo cáo sản phẩm, {transfers} chuyển khoản cần xử lý.",
  },
  password_code: {
    subject: "Mã đặt lại mật khẩu",
    body: "Chợ OCOP: mã đặt lại mật khẩu của bạn là {code}, dùng trong {minutes} phút. Đừng đưa mã cho ai.",
  },
};

const en: Record<MessageKind, Text> = {
  order_placed: {
    subject: "Order {code}: awaiting payment of {total}",
    body: "Chợ OCOP: order {code} received, {total}. {payment} Pay by {deadline}.",
  },
  order_paid: {
    subject: "Order {code} is paid",
    body: "Chợ OCOP: order {code} is paid, {total}. The producer is preparing it.",
  },
  part_shipped: {
    subject: "Order {code} has shipped",
    body: "Chợ OCOP: {producer} shipped order {code} with {carrier}, tracking number {tracking}.",
  },
  part_delivered: {
    subject: "Order {code} was delivered",
    body: "Chợ OCOP: order {code} from {producer} was delivered. Please review the goods.",
  },
  part_refunded: {
    subject: "Order {code} refunded",
    body: "Chợ OCOP: {producer} refunded {amount} for order {code}.",
  },
  new_paid_order: {
    subject: "New paid order {code}",
    body: "Chợ OCOP: order {code} is paid, {total}. To ship: {items}. Ship by {shipBy}.",
  },
  order_lapsing: {
    subject: "Order {code} must ship soon",
    body: "Chợ OCOP: order {code} has not shipped; please ship by {shipBy}, the buyer is waiting.",
  },
  review_received: {
    subject: "New {stars}-star review",
    body: "Chợ OCOP: {product} received a {stars}-star review.",
  },
  payout_made: {
    subject: "{amount} paid out",
    body: "Chợ OCOP: {amount} was transferred to {producer}'s account {account}.",
  },
  verification_decided: {
    subject: "Profile {producer}: {decision}",
    body: "Chợ OCOP: profile {producer}: {decision}. {note}",
  },
  complaint_opened: {
    subject: "Complaint about order {order}",
    body: "Chợ OCOP: the buyer complained about order {order} ({reason}). Please answer by {due}, or provincial staff will decide.",
  },
  question_asked: {
    subject: "New question about {product}",
    body: "Chợ OCOP: someone asked about {product}: “{question}”",
  },
  certificate_expiring: {
    subject: "OCOP certificate expires in {days} days",
    body: "Chợ OCOP: OCOP certificate {number} expires on {expires} ({days} days). Please upload the new one.",
  },
  helper_invite: {
    subject: "Helping {producer}: {outcome}",
    body: "Chợ OCOP: your access to help {producer} {outcome}.",
  },
  staff_digest: {
    subject: "Today's work",
    body: "Chợ OCOP: {producers} producers awaiting verification, {reports} listing reports, {transfers} transfers to resolve.",
  },
  password_code: {
    subject: "Password reset code",
    body: "Chợ OCOP: your password reset code is {code}, valid for {minutes} minutes. Do not share it.",
  },
};

export const MESSAGE_TEXTS: Record<MessageLocale, Record<MessageKind, Text>> = { vi, en };

export type MessageValues = Record<string, string>;

/** Limit of a Zalo template parameter of type "product/brand" (INTEGRATIONS.md §4.1): no value is longer. */
const MAX_VALUE = 200;

function fill(template: string, values: MessageValues): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`message value "${name}" missing`);
    return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
  });
}

/** The subject and text of a message, the link last on its own line; throws on a value the text names but the event did not give. */
export function renderMessage(kind: MessageKind, locale: MessageLocale, values: MessageValues, link: string) {
  const text = MESSAGE_TEXTS[locale][kind];
  const body = fill(text.body, values).replace(/\s+$/, "");
  return { subject: fill(text.subject, values), body: `${body}\n${link}` };
}

/**
 * How to pay, for the "order placed" message: the transfer's account and content, the card link, or
 * the link of the order page that leads to a provider (payOS's QR, VNPay, MoMo), whose own account and
 * content the page shows.
 */
export function paymentDetails(
  locale: MessageLocale,
  payment: { method: "vietqr"; bank: string; accountNo: string; accountName: string; content: string } | { method: "stripe" } | { method: "provider"; name: string },
): string {
  if (payment.method === "stripe") return locale === "en" ? "Pay by card at the link." : "Thanh toán bằng thẻ tại đường dẫn.";
  if (payment.method === "provider") return locale === "en" ? `Pay through ${payment.name} at the link.` : `Thanh toán qua ${payment.name} tại đường dẫn.`;
  return locale === "en"
    ? `Transfer to ${payment.bank} ${payment.accountNo} (${payment.accountName}), content ${payment.content}.`
    : `Chuyển khoản tới ${payment.bank} ${payment.accountNo} (${payment.accountName}), nội dung ${payment.content}.`;
}

/** Words of an event that depend on the reader's language: a verification decision, a helper's access. */
export const EVENT_WORDS: Record<MessageLocale, Record<string, string>> = {
  vi: {
    approve: "đã được xác minh",
    changes: "cần bổ sung",
    reject: "bị từ chối",
    joined: "đã bắt đầu",
    revoked: "đã bị thu hồi",
  },
  en: {
    approve: "verified",
    changes: "changes requested",
    reject: "rejected",
    joined: "has started",
    revoked: "was revoked",
  },
};
