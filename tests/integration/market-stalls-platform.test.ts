/**
 * STALL_ACCOUNT=platform (issue 16's last bullet): stall QR codes pay the platform's VietQR account,
 * the platform's own bank feed (here SePay's platform webhook) confirms a sale once, like an order, and
 * its whole amount becomes payable to the producer in the ledger; the producer cannot confirm it by hand.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseVietQr } from "~/domain/payments/vietqr";
import { sendSepay, vnDateTime } from "../doubles/bank-feeds";
import { signIn } from "../setup/http";
import { decodeQr } from "../setup/qr-decode";
import { startServer, type TestServer } from "../setup/server";

const PLATFORM_ACCOUNT = "0123499999";
const SEPAY_API_KEY = "sepay-key-for-stall-tests";

let server: TestServer;
let producer: string;
let producerId: number;

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];
const post = (path: string, fields: Record<string, string>) =>
  fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), headers: { cookie: producer }, redirect: "manual" });

beforeAll(async () => {
  server = await startServer({ STALL_ACCOUNT: "platform", VIETQR_ACCOUNT_NO: PLATFORM_ACCOUNT, SEPAY_WEBHOOK_API_KEY: SEPAY_API_KEY });
  producer = await signIn(server, "producer@demo.local");
  producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
});
afterAll(async () => {
  await server?.stop();
});

async function sell(amountVnd: string): Promise<string> {
  const res = await post("/seller/stall/sales", { amountVnd });
  expect(res.status).toBe(303);
  return res.headers.get("location")!.split("/").pop()!;
}
function transfer(id: number, amount: number, content: string) {
  return sendSepay(
    server.url,
    JSON.stringify({ id, gateway: "ACB", transactionDate: vnDateTime(), accountNumber: PLATFORM_ACCOUNT, code: null, content, transferType: "in", transferAmount: amount, referenceCode: `FT${id}`, description: content }),
    { Authorization: `Apikey ${SEPAY_API_KEY}` },
  );
}
const payable = (code: string) => rows<{ amount_vnd: number; producer_id: number }>("SELECT amount_vnd, producer_id FROM ledger_entries WHERE account = 'producer_payable' AND memo = ?", `stall ${code}`);

describe("stalls paying the platform's account", () => {
  it("draw their QR to the platform's account, and only the platform's bank feed confirms them, once, into the ledger", async () => {
    const code = await sell("90000");
    expect(row<{ account: string }>("SELECT account FROM stall_sales WHERE code = ?", code).account).toBe("platform");
    const png = await fetch(`${server.url}/seller/stall/sales/${code}/vietqr.png`, { headers: { cookie: producer } });
    const qr = parseVietQr(await decodeQr(Buffer.from(await png.arrayBuffer())));
    expect(qr).toMatchObject({ accountNumber: PLATFORM_ACCOUNT, amount: 90000, purpose: code, crcValid: true });

    // The producer cannot see the platform's account: no "Đã nhận tiền" for it.
    expect((await post(`/seller/stall/sales/${code}?for=${producerId}`, { intent: "confirm" })).status).toBe(409);
    expect(row<{ status: string }>("SELECT status FROM stall_sales WHERE code = ?", code).status).toBe("pending");

    const id = randomInt(1e6, 1e9);
    expect((await transfer(id, 90000, `${code} chuyen khoan`)).status).toBe(200);
    expect(row<{ status: string; confirmed_by: string }>("SELECT status, confirmed_by FROM stall_sales WHERE code = ?", code)).toEqual({ status: "paid", confirmed_by: "platform" });
    expect(payable(code)).toEqual([{ amount_vnd: 90000, producer_id: producerId }]);
    expect(row<{ outcome: string }>("SELECT outcome FROM bank_transfers WHERE provider = 'sepay' AND transaction_id = ?", String(id)).outcome).toBe("applied");

    // A redelivery and a second transfer naming the same sale change nothing.
    expect((await transfer(id, 90000, `${code} chuyen khoan`)).status).toBe(200);
    expect((await transfer(randomInt(1e6, 1e9), 90000, code)).status).toBe(200);
    expect(payable(code)).toHaveLength(1);
    // Paid into the platform's account: a refund is staff's, not a cancel at the stall.
    expect((await post(`/seller/stall/sales/${code}?for=${producerId}`, { intent: "cancel", reason: "Khách đổi ý" })).status).toBe(409);
  });

  it("keeps a transfer of the wrong amount for staff, leaving the sale waiting and the ledger untouched", async () => {
    const code = await sell("40000");
    const id = randomInt(1e6, 1e9);
    expect((await transfer(id, 4000, code)).status).toBe(200);
    expect(row<{ status: string }>("SELECT status FROM stall_sales WHERE code = ?", code).status).toBe("pending");
    expect(row<{ outcome: string }>("SELECT outcome FROM bank_transfers WHERE transaction_id = ?", String(id)).outcome).toBe("unknown_code");
    expect(payable(code)).toEqual([]);
  });

  it("leaves cash sales outside the ledger", async () => {
    const res = await post("/seller/stall/sales", { amountVnd: "10000", method: "cash" });
    const code = res.headers.get("location")!.split("/").pop()!;
    expect(row<{ status: string }>("SELECT status FROM stall_sales WHERE code = ?", code).status).toBe("paid");
    expect(payable(code)).toEqual([]);
  });
});
