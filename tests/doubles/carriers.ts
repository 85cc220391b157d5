/**
 * Local HTTP doubles of the four carriers (INTEGRATIONS.md §3, §6) for integration tests that run the
 * real server: hand a double's `url` to the server as GHTK_API_BASE / GHN_API_BASE (and
 * GHN_PRINT_BASE) / VIETTELPOST_API_BASE (and VIETTELPOST_PRINT_BASE) / EMS_API_BASE.
 *
 * Each speaks its carrier's documented format — auth headers (GHTK `Token` + `X-Client-Source`,
 * GHN `Token` + `ShopId`, Viettel Post `Token`, EMS `merchant_token`), bodies, units (GHTK: grams for
 * the fee, kilograms for the order), ids (GHN district/ward ids, Viettel Post province/district/ward
 * ids), the uniqueness of our order id, the carrier's cancel rules — and builds the callbacks its
 * carrier would post (`advance`), in the carrier's own body and headers. It is written from the
 * documentation, not from the app's adapters.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listen, reply } from "./http-double";

export interface ParcelAtCarrier {
  waybill: string;
  /** Our id as the carrier got it (GHTK order.id, GHN client_order_code, VTP ORDER_NUMBER, EMS order_code). */
  partnerId: string;
  status: string;
  request: Record<string, unknown>;
}

export interface Callback {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface CarrierDouble {
  url: string;
  parcels: Map<string, ParcelAtCarrier>;
  /** Every create request's body, in order. */
  creates: Record<string, unknown>[];
  /** Every fee request (query or body), in order. */
  quotes: Record<string, unknown>[];
  /** Every status query's waybill, in order. */
  statusQueries: string[];
  /** The fee the double quotes, integer VND. */
  fee: number;
  /** Holds fee answers this long (a carrier too slow for checkout). */
  quoteDelayMs: number;
  /** Sets the parcel's status at the carrier (when `record`) and returns the callback the carrier would send. */
  advance(waybill: string, status: string, options?: { at?: Date; record?: boolean }): Callback;
  /** The parcel of our id. */
  byPartner(partnerId: string): ParcelAtCarrier | undefined;
  stop(): Promise<void>;
}

type Handler = (req: IncomingMessage, url: URL, body: string, res: ServerResponse) => void;

async function start(handler: Handler) {
  let server: Awaited<ReturnType<typeof listen>>;
  // eslint-disable-next-line prefer-const
  server = await listen((req, body, res) => handler(req, new URL(req.url ?? "/", "http://double"), body, res));
  return server;
}

const json = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

const later = (ms: number, fn: () => void) => (ms > 0 ? void setTimeout(fn, ms) : fn());

function common(parcels: Map<string, ParcelAtCarrier>) {
  return {
    byPartner: (partnerId: string) => [...parcels.values()].find((p) => p.partnerId === partnerId),
  };
}

/** "dd/MM/yyyy HH:mm:ss" in Vietnam's time. */
function vnDateTime(date: Date): string {
  const d = new Date(date.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

// ───────────────────────────── GHTK (§3.1) ─────────────────────────────

export async function startGhtkDouble({ token, partnerCode, webhookSecret }: { token: string; partnerCode: string; webhookSecret: string }) {
  const parcels = new Map<string, ParcelAtCarrier>();
  let seq = 0;
  const double = {
    parcels,
    creates: [] as Record<string, unknown>[],
    quotes: [] as Record<string, unknown>[],
    statusQueries: [] as string[],
    fee: 27_000,
    quoteDelayMs: 0,
    ...common(parcels),
  };
  const server = await start((req, url, body, res) => {
    if (req.headers.token !== token || req.headers["x-client-source"] !== partnerCode) return reply(res, 401, { success: false, message: "Token không hợp lệ" });
    const path = url.pathname;
    if (req.method === "GET" && path === "/services/shipment/fee") {
      const q = Object.fromEntries(url.searchParams);
      double.quotes.push(q);
      for (const field of ["pick_province", "pick_district", "province", "district", "weight"]) {
        if (!q[field]) return reply(res, 200, { success: false, message: `Thiếu ${field}` });
      }
      // grams for the fee [C]: a whole number of grams.
      if (!/^\d+$/.test(q.weight!)) return reply(res, 200, { success: false, message: "weight (gram) không hợp lệ" });
      return later(double.quoteDelayMs, () => reply(res, 200, { success: true, message: "", fee: { name: "area1", fee: double.fee, insurance_fee: 0, delivery: true } }));
    }
    if (req.method === "POST" && path === "/services/shipment/order/") {
      const b = json(body);
      double.creates.push(b);
      const order = (b.order ?? {}) as Record<string, unknown>;
      const products = (b.products ?? []) as { weight?: unknown }[];
      if (!order.id || !order.pick_name || order.pick_money === undefined || !order.pick_province || !order.pick_district || !order.province || !order.district) {
        return reply(res, 200, { success: false, message: "Thiếu thông tin đơn hàng" });
      }
      // kilograms for the order [C]: a product over 100 "kg" means grams were sent.
      if (products.length === 0 || products.some((p) => typeof p.weight !== "number" || p.weight <= 0 || p.weight > 100)) {
        return reply(res, 200, { success: false, message: "Khối lượng sản phẩm (kg) không hợp lệ" });
      }
      const existing = double.byPartner(String(order.id));
      if (existing) {
        return reply(res, 200, { success: false, message: "Mã đơn hàng đã tồn tại", error: { code: "ORDER_ID_EXIST", partner_id: order.id, ghtk_label: existing.waybill, status: existing.status } });
      }
      const waybill = `S1.A1.${17000000 + ++seq}`;
      parcels.set(waybill, { waybill, partnerId: String(order.id), status: "1", request: b });
      return reply(res, 200, { success: true, message: "", order: { partner_id: order.id, label: waybill, area: "1", fee: double.fee, insurance_fee: 0, estimated_pick_time: "Sáng 2026-12-04", estimated_deliver_time: "Chiều 2026-12-06", products: [], status_id: 1, tracking_id: seq } });
    }
    const status = /^\/services\/shipment\/v2\/(.+)$/.exec(path);
    if (req.method === "GET" && status) {
      const id = decodeURIComponent(status[1]!);
      double.statusQueries.push(id);
      const parcel = parcels.get(id) ?? double.byPartner(id.replace(/^partner_id:/, ""));
      if (!parcel) return reply(res, 200, { success: false, message: "Không tìm thấy đơn hàng" });
      return reply(res, 200, { success: true, message: "", order: { label_id: parcel.waybill, partner_id: parcel.partnerId, status: parcel.status, status_text: "", modified: new Date().toISOString() } });
    }
    const cancel = /^\/services\/shipment\/cancel\/(.+)$/.exec(path);
    if (req.method === "POST" && cancel) {
      const parcel = parcels.get(decodeURIComponent(cancel[1]!));
      if (!parcel) return reply(res, 200, { success: false, message: "Không tìm thấy đơn hàng" });
      // Only while status_id is 1, 2 or 12 [C].
      if (!["1", "2", "12"].includes(parcel.status)) return reply(res, 200, { success: false, message: "Đơn hàng đã lấy, không thể huỷ" });
      parcel.status = "-1";
      return reply(res, 200, { success: true, message: "" });
    }
    const label = /^\/services\/label\/(.+)$/.exec(path);
    if (req.method === "GET" && label) {
      if (!parcels.has(decodeURIComponent(label[1]!))) return reply(res, 200, { success: false, message: "Không tìm thấy đơn hàng" });
      res.writeHead(200, { "Content-Type": "application/pdf" });
      return res.end(PDF);
    }
    reply(res, 404, { success: false, message: "not found" });
  });
  return Object.assign(double, {
    url: server.url,
    stop: server.close,
    /** GHTK posts x-www-form-urlencoded in its docs' example (JSON also shown): `form` chooses. */
    advance(waybill: string, statusId: string, { at = new Date(), record = true, form = true }: { at?: Date; record?: boolean; form?: boolean } = {}): Callback {
      const parcel = parcels.get(waybill);
      if (!parcel) throw new Error(`GHTK double: no parcel ${waybill}`);
      if (record) parcel.status = statusId;
      const fields = { label_id: waybill, partner_id: parcel.partnerId, status_id: statusId, action_time: at.toISOString(), reason_code: "", reason: "", weight: "0.6", fee: String(double.fee), pick_money: "0", return_part_package: "0" };
      return form
        ? { path: `/webhooks/carriers/ghtk?hash=${webhookSecret}`, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() }
        : { path: `/webhooks/carriers/ghtk?hash=${webhookSecret}`, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ...fields, status_id: Number(statusId) }) };
    },
  }) satisfies CarrierDouble;
}

// ───────────────────────────── GHN (§3.2) ─────────────────────────────

export async function startGhnDouble({ token, shopId, webhookSecret }: { token: string; shopId: string; webhookSecret: string }) {
  const parcels = new Map<string, ParcelAtCarrier>();
  const tokens = new Map<string, string[]>();
  let seq = 0;
  const double = {
    parcels,
    creates: [] as Record<string, unknown>[],
    quotes: [] as Record<string, unknown>[],
    statusQueries: [] as string[],
    fee: 31_500,
    quoteDelayMs: 0,
    leadDays: 2,
    printed: [] as string[],
    ...common(parcels),
  };
  const ok = (res: ServerResponse, data: unknown) => reply(res, 200, { code: 200, message: "Success", data });
  const bad = (res: ServerResponse, message: string) => reply(res, 400, { code: 400, message, data: null });
  const server = await start((req, url, body, res) => {
    const path = url.pathname;
    if (req.method === "GET" && path === "/printA5") {
      const codes = tokens.get(url.searchParams.get("token") ?? "");
      if (!codes) return bad(res, "token không hợp lệ");
      double.printed.push(...codes);
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(`<!doctype html><title>GHN A5</title>${codes.map((c) => `<p>${c}</p>`).join("")}`);
    }
    if (req.headers.token !== token) return reply(res, 401, { code: 401, message: "Token is not valid", data: null });
    if (req.headers.shopid !== shopId) return bad(res, "ShopId không hợp lệ");
    const b = json(body);
    const ids = (v: unknown) => typeof v === "number" && Number.isInteger(v);
    if (path === "/v2/shipping-order/fee") {
      double.quotes.push(b);
      if (!ids(b.to_district_id) || typeof b.to_ward_code !== "string" || !ids(b.weight)) return bad(res, "to_district_id, to_ward_code, weight (g) bắt buộc");
      return later(double.quoteDelayMs, () => ok(res, { total: double.fee, service_fee: double.fee, insurance_fee: 0 }));
    }
    if (path === "/v2/shipping-order/leadtime") {
      return later(double.quoteDelayMs, () => ok(res, { leadtime: Math.floor(Date.now() / 1000) + double.leadDays * 86_400, order_date: Math.floor(Date.now() / 1000) }));
    }
    if (path === "/v2/shipping-order/create") {
      double.creates.push(b);
      if (typeof b.client_order_code !== "string" || !ids(b.to_district_id) || typeof b.to_ward_code !== "string" || !ids(b.weight) || (b.weight as number) > 30_000) {
        return bad(res, "Thiếu hoặc sai thông tin đơn hàng");
      }
      if (b.cod_amount !== 0 && b.cod_amount !== undefined && (b.cod_amount as number) > 10_000_000) return bad(res, "cod_amount tối đa 10.000.000");
      if (double.byPartner(b.client_order_code)) return bad(res, "client_order_code đã tồn tại");
      const waybill = `GHN${String(++seq).padStart(6, "0")}`;
      parcels.set(waybill, { waybill, partnerId: b.client_order_code, status: "ready_to_pick", request: b });
      return ok(res, { order_code: waybill, sort_code: "1-A-01", trans_type: "truck", total_fee: double.fee, expected_delivery_time: new Date(Date.now() + double.leadDays * 86_400_000).toISOString(), fee: { main_service: double.fee, insurance: 0 } });
    }
    if (path === "/v2/shipping-order/detail-by-client-code") {
      const parcel = double.byPartner(String(b.client_order_code));
      return parcel ? ok(res, { order_code: parcel.waybill, status: parcel.status, client_order_code: parcel.partnerId }) : bad(res, "Không tìm thấy đơn hàng");
    }
    if (path === "/v2/shipping-order/detail") {
      double.statusQueries.push(String(b.order_code));
      const parcel = parcels.get(String(b.order_code));
      return parcel ? ok(res, { order_code: parcel.waybill, status: parcel.status, client_order_code: parcel.partnerId }) : bad(res, "Không tìm thấy đơn hàng");
    }
    if (path === "/v2/switch-status/cancel") {
      const codes = Array.isArray(b.order_codes) ? (b.order_codes as string[]) : [];
      return ok(
        res,
        codes.map((code) => {
          const parcel = parcels.get(code);
          const allowed = parcel && ["ready_to_pick", "picking", "money_collect_picking"].includes(parcel.status);
          if (allowed) parcel.status = "cancel";
          return { order_code: code, result: Boolean(allowed), message: allowed ? "OK" : "Đơn hàng không thể huỷ" };
        }),
      );
    }
    if (path === "/v2/a5/gen-token") {
      const codes = Array.isArray(b.order_codes) ? (b.order_codes as string[]) : [];
      if (codes.length === 0 || codes.some((c) => !parcels.has(c))) return bad(res, "order_codes không hợp lệ");
      const t = `tok-${++seq}`;
      tokens.set(t, codes);
      return ok(res, { token: t });
    }
    bad(res, "not found");
  });
  return Object.assign(double, {
    url: server.url,
    stop: server.close,
    advance(waybill: string, status: string, { at = new Date(), record = true, type = "switch_status" }: { at?: Date; record?: boolean; type?: string } = {}): Callback {
      const parcel = parcels.get(waybill);
      if (!parcel) throw new Error(`GHN double: no parcel ${waybill}`);
      if (record && type === "switch_status") parcel.status = status;
      const body = {
        CODAmount: 0, CODTransferDate: null, ClientOrderCode: parcel.partnerId, ConvertedWeight: 600, Description: status, Fee: { MainService: double.fee }, Height: 10,
        IsPartialReturn: false, Length: 20, OrderCode: waybill, PartialReturnCode: "", PaymentType: 1, Reason: "", ReasonCode: "", ShopID: Number(shopId), Status: status,
        Time: at.toISOString(), TotalFee: double.fee, Type: type, Warehouse: "Bưu cục Ninh Kiều", Weight: 600, Width: 15,
      };
      return { path: `/webhooks/carriers/ghn?hash=${webhookSecret}`, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    },
  }) satisfies CarrierDouble;
}

// ───────────────────────────── Viettel Post (§3.3) ─────────────────────────────

export async function startViettelPostDouble({ token, webhookSecret }: { token: string; webhookSecret: string }) {
  const parcels = new Map<string, ParcelAtCarrier>();
  const printCodes = new Map<string, string[]>();
  let seq = 0;
  const double = {
    parcels,
    creates: [] as Record<string, unknown>[],
    quotes: [] as Record<string, unknown>[],
    statusQueries: [] as string[],
    fee: 29_700,
    quoteDelayMs: 0,
    ...common(parcels),
  };
  const ok = (res: ServerResponse, data: unknown, message = "OK") => reply(res, 200, { status: 200, error: false, message, data });
  // Errors come with HTTP 200 and error: true [I].
  const fail = (res: ServerResponse, message: string, status = 204) => reply(res, 200, { status, error: true, message, data: null });
  const server = await start((req, url, body, res) => {
    const path = url.pathname;
    if (req.method === "GET" && path === "/DigitalizePrint/report.do") {
      const codes = printCodes.get(url.searchParams.get("bill") ?? "");
      if (!codes) return fail(res, "Mã in không hợp lệ");
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(`<!doctype html><title>Viettel Post</title>${codes.map((c) => `<p>${c}</p>`).join("")}`);
    }
    if (req.headers.token !== token) return fail(res, "Token không hợp lệ", 202);
    const b = json(body);
    const id = (v: unknown) => typeof v === "number" && Number.isInteger(v);
    const tooLong = (v: unknown) => typeof v === "string" && Buffer.byteLength(v) > 150;
    if (path === "/v2/order/getPrice") {
      double.quotes.push(b);
      if (!id(b.SENDER_PROVINCE) || !id(b.SENDER_DISTRICT) || !id(b.RECEIVER_PROVINCE) || !id(b.RECEIVER_DISTRICT) || !id(b.PRODUCT_WEIGHT)) return fail(res, "Thiếu mã tỉnh, quận hoặc khối lượng");
      return later(double.quoteDelayMs, () => ok(res, { MONEY_TOTAL: double.fee, MONEY_TOTAL_FEE: double.fee, MONEY_FEE: 27_000, MONEY_COLLECTION_FEE: 0, MONEY_OTHER_FEE: 0, MONEY_VAT: 2_700, KPI_HT: 48 }));
    }
    if (path === "/v2/order/createOrder") {
      double.creates.push(b);
      if (typeof b.ORDER_NUMBER !== "string" || !id(b.SENDER_PROVINCE) || !id(b.SENDER_DISTRICT) || !id(b.SENDER_WARD) || !id(b.RECEIVER_PROVINCE) || !id(b.RECEIVER_DISTRICT) || !id(b.RECEIVER_WARD)) {
        return fail(res, "Địa chỉ không hợp lệ (địa chỉ mới cần mã phường mới và quận NEW)");
      }
      if (Object.values(b).some(tooLong)) return fail(res, "Trường vượt quá 150 byte");
      if (b.CHECK_UNIQUE === true && double.byPartner(b.ORDER_NUMBER)) return fail(res, "ORDER_NUMBER đã tồn tại");
      const waybill = `1${String(++seq).padStart(11, "0")}`;
      parcels.set(waybill, { waybill, partnerId: b.ORDER_NUMBER, status: "102", request: b });
      return ok(res, { ORDER_NUMBER: waybill, MONEY_COLLECTION: 0, EXCHANGE_WEIGHT: b.PRODUCT_WEIGHT, MONEY_TOTAL: double.fee, MONEY_TOTAL_FEE: double.fee, MONEY_FEE: 27_000, MONEY_VAT: 2_700, KPI_HT: 48 });
    }
    if (path === "/v2/order/UpdateOrder") {
      const parcel = parcels.get(String(b.ORDER_NUMBER));
      if (!parcel) return fail(res, "Không tìm thấy vận đơn");
      if (b.TYPE !== 4) return fail(res, "TYPE không hỗ trợ");
      const code = Number(parcel.status);
      // Cancel only while status < 200 and not 105/107 [C].
      if (code >= 200 || code === 105 || code === 107) return fail(res, "Vận đơn không được phép huỷ");
      parcel.status = "107";
      return ok(res, null);
    }
    if (path === "/v2/order/printing-code") {
      const codes = Array.isArray(b.ORDER_ARRAY) ? (b.ORDER_ARRAY as string[]) : [];
      if (codes.length === 0 || codes.length > 100 || codes.some((c) => !parcels.has(c)) || typeof b.EXPIRY_TIME !== "number") return fail(res, "ORDER_ARRAY không hợp lệ");
      const code = `P${++seq}x${Date.now()}`;
      printCodes.set(code, codes);
      return reply(res, 200, { status: 200, error: false, message: code });
    }
    fail(res, "not found");
  });
  return Object.assign(double, {
    url: server.url,
    stop: server.close,
    advance(waybill: string, status: string, { at = new Date(), record = true, secret = webhookSecret }: { at?: Date; record?: boolean; secret?: string } = {}): Callback {
      const parcel = parcels.get(waybill);
      if (!parcel) throw new Error(`Viettel Post double: no parcel ${waybill}`);
      if (record) parcel.status = status;
      const body = {
        DATA: {
          ORDER_NUMBER: waybill, ORDER_REFERENCE: parcel.partnerId, ORDER_STATUSDATE: vnDateTime(at), ORDER_STATUS: Number(status), STATUS_NAME: `Trạng thái ${status}`,
          LOCALION_CURRENTLY: "Bưu cục Cần Thơ", NOTE: "", MONEY_COLLECTION: 0, MONEY_FEECOD: 0, MONEY_TOTALFEE: double.fee, MONEY_TOTAL: double.fee, MONEY_TOTALVAT: 0,
          EXPECTED_DELIVERY: "", PRODUCT_WEIGHT: 600, ORDER_SERVICE: "VCN", ORDER_PAYMENT: 1, IS_RETURNING: false, POD: { IMAGES: [] }, REASON_CODE: "", RECEIVER_FULLNAME: "",
        },
        TOKEN: "vtp-token-echo",
      };
      return { path: "/webhooks/carriers/viettelpost", headers: { "Content-Type": "application/json", Authorization: secret }, body: JSON.stringify(body) };
    },
  }) satisfies CarrierDouble;
}

// ───────────────────────────── EMS (§3.4) ─────────────────────────────

export async function startEmsDouble({ token, webhookSecret }: { token: string; webhookSecret: string }) {
  const parcels = new Map<string, ParcelAtCarrier>();
  let seq = 0;
  let transactions = 0;
  const double = {
    parcels,
    creates: [] as Record<string, unknown>[],
    quotes: [] as Record<string, unknown>[],
    statusQueries: [] as string[],
    fee: 33_000,
    quoteDelayMs: 0,
    ...common(parcels),
  };
  const ok = (res: ServerResponse, data: unknown) => reply(res, 200, { code: "success", message: "", data });
  const fail = (res: ServerResponse, message: string) => reply(res, 200, { code: "error", message, data: null });
  const server = await start((req, url, body, res) => {
    if (url.searchParams.get("merchant_token") !== token) return reply(res, 401, { code: "error", message: "merchant_token không hợp lệ" });
    const path = url.pathname;
    const b = json(body);
    if (path === "/api/v1/orders/calculate-fee") {
      double.quotes.push(b);
      if (!b.to_province || !b.to_ward || typeof b.total_weight !== "number") return fail(res, "Thiếu thông tin");
      return later(double.quoteDelayMs, () => ok(res, { fee: { fee: double.fee, remote_fee: 0 }, estimate_days: 3 }));
    }
    if (path === "/api/v1/orders/create-v2") {
      double.creates.push(b);
      if (req.headers.accept !== "application/json") return fail(res, "Accept: application/json");
      if (typeof b.order_code !== "string" || !b.to_province || !b.to_ward || typeof b.total_weight !== "number") return fail(res, "Thiếu thông tin đơn hàng");
      const existing = double.byPartner(b.order_code);
      // A repeated order_code answers the parcel already made (assumed, like the adapter).
      const parcel = existing ?? { waybill: `EB${String(++seq).padStart(9, "0")}VN`, partnerId: b.order_code, status: "1", request: b };
      parcels.set(parcel.waybill, parcel);
      return ok(res, { tracking_code: parcel.waybill, status_code: Number(parcel.status), fee: { fee: double.fee, remote_fee: 0 }, vas: { total_vas: 0, vas_detail: [] }, money_collect: 0 });
    }
    if (path === "/api/v1/orders/tracking") {
      const code = url.searchParams.get("tracking_code") ?? "";
      double.statusQueries.push(code);
      const parcel = parcels.get(code);
      return parcel ? ok(res, { tracking_code: code, status_code: Number(parcel.status), status_name: "" }) : fail(res, "Không tìm thấy");
    }
    if (path === "/api/v1/orders/cancel") {
      const parcel = parcels.get(String(b.tracking_code));
      if (!parcel || !["1", "2"].includes(parcel.status)) return fail(res, "Không thể huỷ");
      parcel.status = "10";
      return ok(res, null);
    }
    if (path === "/api/v1/orders/print") {
      if (!parcels.has(url.searchParams.get("tracking_code") ?? "")) return fail(res, "Không tìm thấy");
      res.writeHead(200, { "Content-Type": "application/pdf" });
      return res.end(PDF);
    }
    fail(res, "not found");
  });
  return Object.assign(double, {
    url: server.url,
    stop: server.close,
    advance(waybill: string, status: string, { at = new Date(), record = true }: { at?: Date; record?: boolean } = {}): Callback {
      const parcel = parcels.get(waybill);
      if (!parcel) throw new Error(`EMS double: no parcel ${waybill}`);
      if (record) parcel.status = status;
      const body = { tracking_code: waybill, order_code: parcel.partnerId, status_code: Number(status), status_name: `Trạng thái ${status}`, note: "", locate: "Bưu cục Cần Thơ", datetime: vnDateTime(at), total_weight: 600, money_collect: 0, total_fee: double.fee };
      return { path: `/webhooks/carriers/ems?hash=${webhookSecret}`, headers: { "Content-Type": "application/json", "ems-transaction": `EMS-TX-${++transactions}-${waybill}` }, body: JSON.stringify(body) };
    },
  }) satisfies CarrierDouble;
}
