/**
 * GHTK (Giao Hàng Tiết Kiệm), INTEGRATIONS.md §3.1. Every assumption about GHTK is in this file;
 * [C] = GHTK's docs, [I] = inferred (SDKs, third-party code), to check against the live docs.
 * Units: the fee call weighs in GRAMS, the create call in KILOGRAMS [C].
 */
import { settings } from "~/settings.server";
import type { TrackingState } from "../carrier-codes";
import { ghtkArea, servesArea } from "../areas.server";
import { CarrierError, type CarrierAdapter, type CallbackReading, type Place } from "../carrier";
import { carrierJson, carrierPdf, jsonReply, readBody, sameSecret } from "../carrier-http.server";

/** status_id → our state [I: the same table in 5+ repos]. */
export const GHTK_STATES: Record<string, TrackingState> = {
  "-1": "cancelled",
  "1": "booked",
  "2": "booked",
  "3": "picked_up",
  "4": "delivering",
  "5": "delivered",
  "6": "delivered",
  "7": "booked",
  "8": "picking_up",
  "9": "delivery_failed",
  "10": "delivering",
  "11": "returned",
  "12": "picking_up",
  "13": "lost",
  "20": "returning",
  "21": "returned",
  "123": "picked_up",
  "127": "booked",
  "128": "picking_up",
  "45": "delivered",
  "49": "delivery_failed",
  "410": "delivering",
};

export function ghtkState(statusId: string): TrackingState {
  return GHTK_STATES[statusId] ?? "other";
}

function config() {
  const cfg = settings.ghtk;
  if (!cfg) throw new CarrierError("unsupported", "GHTK is not configured");
  return cfg;
}

function headers(): Record<string, string> {
  const cfg = config();
  return { Token: cfg.token, "X-Client-Source": cfg.partnerCode, "Content-Type": "application/json", Accept: "application/json" };
}

function area(place: Place) {
  const found = ghtkArea(place.wardCode);
  if (!found) throw new CarrierError("refused", `GHTK has no address for commune ${place.wardCode}`);
  return found;
}

interface GhtkAnswer {
  success?: boolean;
  message?: string;
  fee?: { fee?: number; delivery?: boolean };
  order?: { label?: string; label_id?: string; fee?: number; status?: string | number; status_id?: string | number; estimated_deliver_time?: string };
  error?: { code?: string; ghtk_label?: string };
}

const answer = (body: unknown) => (body && typeof body === "object" ? (body as GhtkAnswer) : {});

export const ghtk: CarrierAdapter = {
  code: "ghtk",
  signedCallbacks: false,
  configured: () => settings.ghtk !== undefined,
  serves: (place) => servesArea("ghtk", place),

  async quote({ from, to, parcel }, signal) {
    const pick = area(from);
    const drop = area(to);
    const query = new URLSearchParams({
      pick_province: pick.province,
      pick_district: pick.district,
      pick_ward: pick.ward,
      pick_address: from.addressLine,
      province: drop.province,
      district: drop.district,
      ward: drop.ward,
      address: to.addressLine,
      weight: String(Math.max(1, Math.round(parcel.weightGrams))), // grams [C]
      value: String(parcel.valueVnd),
      transport: "road",
      deliver_option: "none",
    });
    query.append("tags[]", "7"); // farm / dry food [C]
    const { body } = await carrierJson(`${config().apiBase}/services/shipment/fee?${query}`, { headers: headers(), signal });
    const a = answer(body);
    if (!a.success || typeof a.fee?.fee !== "number") throw new CarrierError("refused", `GHTK fee: ${a.message ?? "no fee"}`);
    if (a.fee.delivery === false) throw new CarrierError("refused", "GHTK does not deliver there");
    return { carrier: "ghtk", feeVnd: Math.round(a.fee.fee), expectedAt: null };
  },

  async book({ key, from, to, parcel, note }) {
    const pick = area(from);
    const drop = area(to);
    const body = {
      products: parcel.items.map((item, i) => ({
        name: item.name,
        weight: Math.max(0.01, Math.round(item.weightGrams) / 1000), // kilograms [C]
        quantity: item.quantity,
        product_code: `${key}-${i + 1}`,
      })),
      order: {
        id: key, // our id: GHTK refuses a second order with it [C]
        pick_name: from.name,
        pick_money: 0, // no cash on delivery: the marketplace is cashless
        pick_address: from.addressLine,
        pick_province: pick.province,
        pick_district: pick.district,
        pick_ward: pick.ward,
        pick_tel: from.phone,
        name: to.name,
        tel: to.phone,
        address: to.addressLine,
        province: drop.province,
        district: drop.district,
        ward: drop.ward,
        hamlet: "Khác",
        is_freeship: 1, // the shop pays the fee
        value: parcel.valueVnd,
        transport: "road",
        pick_option: "cod",
        deliver_option: "none",
        note,
        total_weight: parcel.weightGrams / 1000,
      },
    };
    const { body: raw } = await carrierJson(`${config().apiBase}/services/shipment/order/?ver=1.5`, { method: "POST", headers: headers(), body: JSON.stringify(body) });
    const a = answer(raw);
    if (a.success && a.order?.label) {
      return { waybill: a.order.label, feeVnd: typeof a.order.fee === "number" ? Math.round(a.order.fee) : null, expectedAt: null, carrierStatus: a.order.status_id === undefined ? null : String(a.order.status_id) };
    }
    // A retry after a lost answer: GHTK names the order it already has for our id [I].
    if (a.error?.code === "ORDER_ID_EXIST" && a.error.ghtk_label) return { waybill: a.error.ghtk_label, feeVnd: null, expectedAt: null, carrierStatus: null };
    throw new CarrierError("refused", `GHTK: ${a.message ?? "order refused"}`);
  },

  async status(waybill) {
    const { body } = await carrierJson(`${config().apiBase}/services/shipment/v2/${encodeURIComponent(waybill)}`, { headers: headers() });
    const a = answer(body);
    const status = a.order?.status ?? a.order?.status_id;
    if (!a.success || status === undefined) throw new CarrierError("refused", `GHTK status: ${a.message ?? "unknown order"}`);
    return { carrierStatus: String(status), state: ghtkState(String(status)) };
  },

  async cancel(waybill) {
    // Only while status_id is 1, 2 or 12; GHTK answers success=false otherwise [C].
    const { body } = await carrierJson(`${config().apiBase}/services/shipment/cancel/${encodeURIComponent(waybill)}`, { method: "POST", headers: headers() });
    const a = answer(body);
    if (!a.success) throw new CarrierError("not_cancellable", `GHTK: ${a.message ?? "cannot cancel"}`);
  },

  async label(waybill) {
    const bytes = await carrierPdf(`${config().apiBase}/services/label/${encodeURIComponent(waybill)}?original=portrait&paper_size=A6`, { headers: headers() });
    return { kind: "pdf", bytes };
  },

  readCallback({ rawBody, contentType, query }): CallbackReading {
    const secret = settings.ghtk?.webhookSecret;
    // GHTK signs nothing: the secret is in the URL we registered (`?hash=`) [C].
    if (!secret || !sameSecret(query.get("hash"), secret)) return { kind: "refused", reply: jsonReply(401, { success: false }) };
    const body = readBody(rawBody, contentType);
    const label = body?.label_id;
    const statusId = body?.status_id;
    if (!body || (typeof label !== "string" && typeof label !== "number") || (typeof statusId !== "string" && typeof statusId !== "number")) {
      return { kind: "malformed", reply: jsonReply(400, { success: false }) };
    }
    const actionTime = typeof body.action_time === "string" ? Date.parse(body.action_time) : NaN;
    const occurredAt = Number.isFinite(actionTime) ? actionTime : Date.now();
    return {
      kind: "accepted",
      // Only HTTP 200 counts as received [C].
      reply: jsonReply(200, { success: true }),
      updates: [
        {
          dedupeKey: `${String(label)}:${String(statusId)}:${String(body.action_time ?? "")}`,
          waybill: String(label),
          reference: typeof body.partner_id === "string" ? body.partner_id : null,
          carrierStatus: String(statusId),
          state: ghtkState(String(statusId)),
          occurredAt,
          description: typeof body.reason === "string" && body.reason !== "" ? body.reason : null,
          location: null,
        },
      ],
    };
  },
};
