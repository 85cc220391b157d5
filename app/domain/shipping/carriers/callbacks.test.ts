import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ems } from "./ems.server";
import { ghn } from "./ghn.server";
import { ghtk } from "./ghtk.server";
import { viettelPost } from "./viettelpost.server";

const ENV = {
  GHTK_API_TOKEN: "t",
  GHTK_WEBHOOK_SECRET: "ghtk-s",
  GHN_TOKEN: "t",
  GHN_SHOP_ID: "1",
  GHN_WEBHOOK_SECRET: "ghn-s",
  VIETTELPOST_TOKEN: "t",
  VIETTELPOST_WEBHOOK_SECRET: "vtp-s",
  EMS_MERCHANT_TOKEN: "t",
  EMS_WEBHOOK_SECRET: "ems-s",
};
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const [k, v] of Object.entries(ENV)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
afterEach(() => {
  for (const k of Object.keys(ENV)) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const input = (body: string, contentType: string, query = "", headers: Record<string, string> = {}) => ({
  rawBody: body,
  contentType,
  headers: new Headers(headers),
  query: new URLSearchParams(query),
});

describe("GHTK callbacks", () => {
  const fields = { label_id: "S1.A1.1", partner_id: "OC1-1", status_id: "5", action_time: "2026-12-03T10:00:00+07:00", reason: "" };
  it("accepts form-encoded and JSON bodies with the URL secret, in our words", () => {
    for (const reading of [
      ghtk.readCallback(input(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", "hash=ghtk-s")),
      ghtk.readCallback(input(JSON.stringify({ ...fields, status_id: 5 }), "application/json", "hash=ghtk-s")),
    ]) {
      expect(reading.kind).toBe("accepted");
      if (reading.kind !== "accepted") return;
      expect(reading.reply.status).toBe(200);
      expect(reading.updates[0]).toMatchObject({ waybill: "S1.A1.1", reference: "OC1-1", state: "delivered", occurredAt: Date.parse("2026-12-03T03:00:00Z") });
    }
  });
  it("refuses a wrong or missing secret", () => {
    expect(ghtk.readCallback(input(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", "hash=nope")).kind).toBe("refused");
    expect(ghtk.readCallback(input(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded")).kind).toBe("refused");
  });
});

describe("GHN callbacks", () => {
  it("moves only on switch_status; update_fee is an event without progress", () => {
    const body = (Type: string) => JSON.stringify({ OrderCode: "GHN1", ClientOrderCode: "OC1-1", Status: "delivered", Type, Time: "2026-12-03T03:00:00Z" });
    const moved = ghn.readCallback(input(body("switch_status"), "application/json", "hash=ghn-s"));
    const fee = ghn.readCallback(input(body("update_fee"), "application/json", "hash=ghn-s"));
    expect(moved.kind === "accepted" && moved.updates[0]!.state).toBe("delivered");
    expect(fee.kind === "accepted" && fee.updates[0]!.state).toBe("other");
  });
});

describe("Viettel Post callbacks", () => {
  const body = JSON.stringify({ DATA: { ORDER_NUMBER: "100", ORDER_REFERENCE: "OC1-1", ORDER_STATUSDATE: "02/07/2025 10:15:00", ORDER_STATUS: 501 }, TOKEN: "x" });
  it("needs the Authorization secret and reads Vietnam's time", () => {
    expect(viettelPost.readCallback(input(body, "application/json", "", { Authorization: "wrong" })).kind).toBe("refused");
    const reading = viettelPost.readCallback(input(body, "application/json", "", { Authorization: "vtp-s" }));
    expect(reading.kind).toBe("accepted");
    if (reading.kind !== "accepted") return;
    expect(reading.updates[0]).toMatchObject({ state: "delivered", dedupeKey: "100:501:02/07/2025 10:15:00", occurredAt: Date.parse("2025-07-02T03:15:00Z") });
  });
});

describe("EMS callbacks", () => {
  it("echoes ems-transaction and dedupes on it", () => {
    const body = JSON.stringify({ tracking_code: "EB1VN", order_code: "OC1-1", status_code: 6, datetime: "03/12/2026 10:00:00" });
    const reading = ems.readCallback(input(body, "application/json", "hash=ems-s", { "ems-transaction": "TX-9" }));
    expect(reading.kind).toBe("accepted");
    expect(JSON.parse(reading.reply.body)).toEqual({ code: "success", transaction: "TX-9" });
    if (reading.kind === "accepted") expect(reading.updates[0]!.dedupeKey).toBe("TX-9");
  });
});
