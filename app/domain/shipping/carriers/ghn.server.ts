/**
 * GHN (Giao Hàng Nhanh), INTEGRATIONS.md §3.2. Every assumption about GHN is in this file;
 * [C] = GHN's docs, [I] = inferred. Addresses are GHN's own ids (DistrictID number, WardCode string),
 * from the mapping data. Weights in grams, sizes in cm [C].
 */
import { settings } from "~/settings.server";
import type { TrackingState } from "../carrier-codes";
import { ghnArea, servesArea } from "../areas.server";
import { CarrierError, type CarrierAdapter, type CallbackReading, type Place } from "../carrier";
import { carrierJson, jsonReply, readBody, sameSecret } from "../carrier-http.server";

/** Status strings → our state [I: GHN's SDK constants; no official table]. */
export const GHN_STATES: Record<string, TrackingState> = {
  ready_to_pick: "booked",
  picking: "picking_up",
  money_collect_picking: "picking_up",
  cancel: "cancelled",
  picked: "picked_up",
  storing: "in_transit",
  transporting: "in_transit",
  sorting: "in_transit",
  delivering: "delivering",
  money_collect_delivering: "delivering",
  delivered: "delivered",
  delivery_fail: "delivery_failed",
  waiting_to_return: "returning",
  return: "returning",
  return_transporting: "returning",
  return_sorting: "returning",
  returning: "returning",
  return_fail: "returning",
  returned: "returned",
  exception: "other",
  damage: "lost",
  lost: "lost",
};

export function ghnState(status: string): TrackingState {
  return GHN_STATES[status] ?? "other";
}

/** E-commerce delivery [C]. */
const SERVICE_TYPE_ID = 2;

function config() {
  const cfg = settings.ghn;
  if (!cfg) throw new CarrierError("unsupported", "GHN is not configured");
  return cfg;
}

function headers(): Record<string, string> {
  const cfg = config();
  return { Token: cfg.token, ShopId: cfg.shopId, "Content-Type": "application/json" };
}

function area(place: Place) {
  const found = ghnArea(place.wardCode);
  if (!found) throw new CarrierError("refused", `GHN has no ids for commune ${place.wardCode}`);
  return found;
}

interface GhnAnswer {
  code?: number;
  message?: string;
  data?: unknown;
}

async function call(path: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const { body: raw } = await carrierJson(`${config().apiBase}${path}`, { method: "POST", headers: headers(), body: JSON.stringify(body), signal });
  const a = (raw && typeof raw === "object" ? raw : {}) as GhnAnswer;
  if (a.code !== 200) throw new CarrierError("refused", `GHN ${path}: ${a.message ?? "refused"}`);
  return (a.data && typeof a.data === "object" ? a.data : {}) as Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** GHN limits [I, SDK]: weight ≤ 30 000 g, each side ≤ 150 cm. */
const side = (cm: number) => Math.min(150, Math.max(1, Math.round(cm)));

export const ghn: CarrierAdapter = {
  code: "ghn",
  signedCallbacks: false,
  configured: () => settings.ghn !== undefined,
  serves: (place) => servesArea("ghn", place),

  async quote({ from, to, parcel }, signal) {
    const a = area(from);
    const b = area(to);
    const route = { from_district_id: a.districtId, from_ward_code: a.wardCode, to_district_id: b.districtId, to_ward_code: b.wardCode };
    // Fee [C] and lead time [I: /v2/shipping-order/leadtime, in GHN's API list] at once.
    const [fee, lead] = await Promise.all([
      call(
        "/v2/shipping-order/fee",
        {
          service_type_id: SERVICE_TYPE_ID,
          ...route,
          weight: Math.max(1, Math.round(parcel.weightGrams)),
          length: side(parcel.lengthCm),
          width: side(parcel.widthCm),
          height: side(parcel.heightCm),
          insurance_value: Math.min(parcel.valueVnd, 5_000_000),
          cod_value: 0,
        },
        signal,
      ),
      call("/v2/shipping-order/leadtime", { ...route, service_type_id: SERVICE_TYPE_ID }, signal).catch(() => ({}) as Record<string, unknown>),
    ]);
    const total = num(fee.total);
    if (total === null) throw new CarrierError("refused", "GHN fee: no total");
    const leadtime = num(lead.leadtime);
    return { carrier: "ghn", feeVnd: Math.round(total), expectedAt: leadtime === null ? null : leadtime * 1000 };
  },

  async book({ key, from, to, parcel, note }) {
    const a = area(from);
    const b = area(to);
    const body = {
      payment_type_id: 1, // the shop pays [C]
      required_note: "KHONGCHOXEMHANG",
      client_order_code: key, // unique at GHN: our idempotency key [C]
      from_name: from.name,
      from_phone: from.phone,
      from_address: from.addressLine,
      from_ward_code: a.wardCode,
      from_district_id: a.districtId,
      to_name: to.name,
      to_phone: to.phone,
      to_address: to.addressLine,
      to_ward_code: b.wardCode,
      to_district_id: b.districtId,
      cod_amount: 0, // cashless marketplace
      weight: Math.min(30_000, Math.max(1, Math.round(parcel.weightGrams))),
      length: side(parcel.lengthCm),
      width: side(parcel.widthCm),
      height: side(parcel.heightCm),
      insurance_value: Math.min(parcel.valueVnd, 5_000_000),
      service_type_id: SERVICE_TYPE_ID,
      note,
      items: parcel.items.map((item) => ({ name: item.name, quantity: item.quantity, weight: Math.max(1, Math.round(item.weightGrams)) })),
    };
    try {
      const data = await call("/v2/shipping-order/create", body);
      if (typeof data.order_code !== "string") throw new CarrierError("refused", "GHN create: no order_code");
      const expected = typeof data.expected_delivery_time === "string" ? Date.parse(data.expected_delivery_time) : NaN;
      return { waybill: data.order_code, feeVnd: num(data.total_fee), expectedAt: Number.isFinite(expected) ? expected : null, carrierStatus: "ready_to_pick" };
    } catch (error) {
      if (!(error instanceof CarrierError) || error.code !== "refused") throw error;
      // A retry after a lost answer: GHN refuses the second client_order_code; look the first one up [I].
      const existing = await call("/v2/shipping-order/detail-by-client-code", { client_order_code: key }).catch(() => null);
      if (existing && typeof existing.order_code === "string") {
        return { waybill: existing.order_code, feeVnd: null, expectedAt: null, carrierStatus: typeof existing.status === "string" ? existing.status : null };
      }
      throw error;
    }
  },

  async status(waybill) {
    const data = await call("/v2/shipping-order/detail", { order_code: waybill }); // [I]
    if (typeof data.status !== "string") throw new CarrierError("refused", "GHN detail: no status");
    return { carrierStatus: data.status, state: ghnState(data.status) };
  },

  async cancel(waybill) {
    const { body: raw } = await carrierJson(`${config().apiBase}/v2/switch-status/cancel`, { method: "POST", headers: headers(), body: JSON.stringify({ order_codes: [waybill] }) });
    const a = (raw && typeof raw === "object" ? raw : {}) as GhnAnswer;
    // [I]: data is one result per order code.
    const result = Array.isArray(a.data) ? (a.data as { order_code?: string; result?: boolean; message?: string }[]).find((r) => r.order_code === waybill) : undefined;
    if (a.code !== 200 || !result?.result) throw new CarrierError("not_cancellable", `GHN: ${result?.message ?? a.message ?? "cannot cancel"}`);
  },

  async label(waybill) {
    // A token valid 30 minutes, then GHN's own A5 print page [C].
    const data = await call("/v2/a5/gen-token", { order_codes: [waybill] });
    if (typeof data.token !== "string") throw new CarrierError("refused", "GHN gen-token: no token");
    return { kind: "url", url: `${config().printBase}/printA5?token=${encodeURIComponent(data.token)}` };
  },

  readCallback({ rawBody, contentType, query }): CallbackReading {
    const secret = settings.ghn?.webhookSecret;
    // GHN signs nothing: the secret is in the URL given to GHN [C: no signature].
    if (!secret || !sameSecret(query.get("hash"), secret)) return { kind: "refused", reply: jsonReply(401, { success: false }) };
    const body = readBody(rawBody, contentType || "application/json");
    if (!body || typeof body.OrderCode !== "string" || typeof body.Type !== "string") return { kind: "malformed", reply: jsonReply(400, { success: false }) };
    const type = body.Type;
    const status = typeof body.Status === "string" ? body.Status : "";
    const time = typeof body.Time === "string" ? Date.parse(body.Time) : NaN;
    // Only switch_status moves a parcel; update_weight/cod/fee are kept as events that say nothing of progress.
    const state = type === "switch_status" ? ghnState(status) : "other";
    return {
      kind: "accepted",
      reply: jsonReply(200, { success: true }), // anything but 200: 10 retries, 5 s apart [C]
      updates: [
        {
          dedupeKey: `${body.OrderCode}:${type}:${status}:${String(body.Time ?? "")}`,
          waybill: body.OrderCode,
          reference: typeof body.ClientOrderCode === "string" ? body.ClientOrderCode : null,
          carrierStatus: type === "switch_status" ? status : `${type}:${status}`,
          state,
          occurredAt: Number.isFinite(time) ? time : Date.now(),
          description: typeof body.Description === "string" && body.Description !== "" ? body.Description : typeof body.Reason === "string" && body.Reason !== "" ? body.Reason : null,
          location: typeof body.Warehouse === "string" && body.Warehouse !== "" ? body.Warehouse : null,
        },
      ],
    };
  },
};
