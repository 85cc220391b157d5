import { prepared } from "~/db/prepared.server";

/** In-app notices (PRODUCT.md issue 4 §7): a producer hears of new paid orders, a signed-in buyer of every change. */
export function notifyProducer(producerId: number, orderId: number, kind: string, now: number) {
  prepared("INSERT INTO notifications (producer_id, order_id, kind, created_at) VALUES (?, ?, ?, ?)").run(producerId, orderId, kind, now);
}

export function notifyBuyer(userId: number, orderId: number, kind: string, now: number) {
  prepared("INSERT INTO notifications (user_id, order_id, kind, created_at) VALUES (?, ?, ?, ?)").run(userId, orderId, kind, now);
}

export interface Notice {
  id: number;
  orderId: number;
  orderCode: string;
  kind: string;
  createdAt: number;
  read: boolean;
}

export function unreadCountForUser(userId: number): number {
  return (prepared("SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL").get(userId) as { n: number }).n;
}

export function unreadCountForProducer(producerId: number): number {
  return (prepared("SELECT count(*) AS n FROM notifications WHERE producer_id = ? AND read_at IS NULL").get(producerId) as { n: number }).n;
}

/** The latest notices for a buyer or a producer; reading them marks them read. */
export function takeNotices(recipient: { userId: number } | { producerId: number }, limit = 30): Notice[] {
  const column = "userId" in recipient ? "user_id" : "producer_id";
  const id = "userId" in recipient ? recipient.userId : recipient.producerId;
  const rows = prepared(
    `SELECT n.id, n.order_id AS orderId, o.code AS orderCode, n.kind, n.created_at AS createdAt, n.read_at IS NOT NULL AS read
     FROM notifications n JOIN orders o ON o.id = n.order_id
     WHERE n.${column} = ? ORDER BY n.id DESC LIMIT ?`,
  ).all(id, limit) as (Omit<Notice, "read"> & { read: 0 | 1 })[];
  prepared(`UPDATE notifications SET read_at = ? WHERE ${column} = ? AND read_at IS NULL`).run(Date.now(), id);
  return rows.map((row) => ({ ...row, read: row.read === 1 }));
}

/** The buyer opened the order: its notices are read. */
export function markNoticesRead(recipient: { userId: number }, orderId: number) {
  prepared("UPDATE notifications SET read_at = ? WHERE user_id = ? AND order_id = ? AND read_at IS NULL").run(Date.now(), recipient.userId, orderId);
}
