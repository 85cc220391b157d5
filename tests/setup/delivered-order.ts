import { createHmac, randomBytes } from "node:crypto";
import { expect } from "vitest";
import { nextBuyerPhone } from "./buyers";
import { cookieOf } from "./http";
import type { TestServer } from "./server";

function post(server: TestServer, path: string, fields: Record<string, string | number>, cookie = "") {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return fetch(server.url + path, { method: "POST", body, redirect: "manual", headers: { cookie } });
}

/**
 * A guest buys `quantity` of a product of the signed-in producer (`producerCookie`), pays by a signed
 * bank transfer, and the producer confirms, ships and delivers, all over HTTP as browsers without JS.
 */
export async function deliverOrder(
  server: TestServer,
  { productId, quantity, producerCookie, bankSecret }: { productId: number; quantity: number; producerCookie: string; bankSecret: string },
): Promise<{ orderId: number; partId: number; code: string; token: string }> {
  const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
  const add = await post(server, "/cart", { intent: "add", productId, quantity });
  expect(add.status).toBe(303);
  const cart = cookieOf(add);
  const wardCode = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  const placed = await post(
    server,
    "/checkout",
    { fullName: "Trần Thị Mai", phone: nextBuyerPhone(), email: "", provinceCode: "92", wardCode, addressLine: "5 Hai Bà Trưng, Ninh Kiều", paymentMethod: "vietqr" },
    cart,
  );
  expect(placed.status).toBe(303);
  const url = new URL(placed.headers.get("location")!, server.url);
  const code = url.pathname.split("/")[2]!;
  const order = row<{ id: number; total_vnd: number }>("SELECT id, total_vnd FROM orders WHERE code = ?", code);
  const body = JSON.stringify({ transactionId: `FT${randomBytes(6).toString("hex")}`, amount: order.total_vnd, description: `CK ${code}`, accountNumber: "257678859", occurredAt: new Date().toISOString() });
  const paid = await fetch(`${server.url}/webhooks/bank-transfer`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", "X-Signature": `sha256=${createHmac("sha256", bankSecret).update(body).digest("hex")}` },
  });
  expect(paid.status).toBe(200);
  const partId = row<{ id: number }>("SELECT id FROM order_parts WHERE order_id = ?", order.id).id;
  const moves: Record<string, string>[] = [{ intent: "confirm" }, { intent: "ship", carrier: "GHTK", trackingNumber: `S${partId}TAX` }, { intent: "deliver" }];
  for (const move of moves) {
    const res = await post(server, "/seller/orders", { ...move, partId }, producerCookie);
    expect(res.status, `${move.intent} part ${partId}`).toBe(303);
  }
  expect(row<{ status: string }>("SELECT status FROM order_parts WHERE id = ?", partId).status).toBe("delivered");
  return { orderId: order.id, partId, code, token: url.searchParams.get("token") ?? "" };
}
