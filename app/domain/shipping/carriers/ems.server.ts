/**
 * EMS (Vietnam Post), INTEGRATIONS.md §3.4. Every assumption about EMS is in this file.
 * [C]: create-v2 (`merchant_token` param, body, answer) and the webhook (`ems-transaction` header,
 * body, the echo reply). **Unknown in the sources consulted, assumed here** (check the live docs):
 * the fee, status, cancel and label endpoints, and the status-code table.
 */
import { settings } from "~/settings.server";
import type { TrackingState } from "../carrier-codes";
import { emsArea, servesArea } from "../areas.server";
import { CarrierError, type CarrierAdapter, type CallbackReading, type Place } from "../carrier";
import { carrierJson, carrierPdf, jsonReply, parseVietnamDateTime, sameSecret } from "../carrier-http.server";

/** status_code → our state. ASSUMED [Unknown: EMS's table is not in the sources]; replace from EMS's docs. */
export const EMS_STATES: Record<string, TrackingState> = {
  "1": "booked",
  "2": "picking_up",
  "3": "picked_up",
  "4": "in_transit",
  "5": "delivering",
  "6": "delivered",
  "7": "delivery_failed",
  "8": "returning",
  "9": "returned",
  "10": "cancelled",
};

export function emsState(code: string): TrackingState {
  return EMS_STATES[code] ?? "other";
}

/** Statuses before pick-up, when a cancel is assumed to be allowed. */
const CANCELLABLE = new Set(["1", "2"]);

function config() {
  const cfg = settings.ems;
  if (!cfg) throw new CarrierError("unsupported", "EMS is not configured");
  return cfg;
}

function url(path: string, params: Record<string, string> = {}) {
  return `${config().apiBase}${path}?${new URLSearchParams({ merchant_token: config().token, ...params })}`;
}

const JSON_HEADERS = { Accept: "application/json", "Content-Type": "application/json" };

function area(place: Place) {
  const found = emsArea(place.wardCode);
  if (!found) throw new CarrierError("refused", `EMS has no codes for commune ${place.wardCode}`);
  return found;
}

const record = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v !== "" && Number.isFinite(Number(v)) ? Number(v) : null);

async function call(path: string, body: unknown, { signal, params }: { signal?: AbortSignal; params?: Record<string, string> } = {}) {
  const { body: raw } = await carrierJson(url(path, params), body === undefined ? { headers: JSON_HEADERS, signal } : { method: "POST", headers: JSON_HEADERS, body: JSON.stringify(body), signal });
  const a = record(raw);
  if (a.code !== "success") throw new CarrierError("refused", `EMS ${path}: ${typeof a.message === "string" ? a.message : "refused"}`);
  return record(a.data);
}

export const ems: CarrierAdapter = {
  code: "ems",
  signedCallbacks: false,
  configured: () => settings.ems !== undefined,
  serves: (place) => servesArea("ems", place),

  async quote({ from, to, parcel }, signal) {
    const a = area(from);
    const b = area(to);
    // ASSUMED endpoint and fields, shaped like create-v2 [Unknown].
    const data = await call(
      "/api/v1/orders/calculate-fee",
      { from_province: a.province, from_district: a.district, from_ward: a.ward, to_province: b.province, to_district: b.district, to_ward: b.ward, total_weight: Math.max(1, Math.round(parcel.weightGrams)), total_amount: parcel.valueVnd, money_collect: 0 },
      { signal },
    );
    const fee = num(record(data.fee).fee ?? data.fee);
    if (fee === null) throw new CarrierError("refused", "EMS fee: none");
    const remote = num(record(data.fee).remote_fee) ?? 0;
    const days = num(data.estimate_days);
    return { carrier: "ems", feeVnd: Math.round(fee + remote), expectedAt: days === null ? null : Date.now() + days * 86_400_000 };
  },

  async book({ key, from, to, parcel, note }) {
    const a = area(from);
    const b = area(to);
    const data = await call("/api/v1/orders/create-v2", {
      order_code: key, // ours; EMS answers a repeat with the parcel it has [I]
      from_name: from.name,
      from_phone: from.phone,
      from_address: from.addressLine,
      from_province: a.province,
      from_district: a.district,
      from_ward: a.ward,
      to_name: to.name,
      to_phone: to.phone,
      to_province: b.province,
      to_district: b.district,
      to_ward: b.ward,
      to_address: to.addressLine,
      product_name: parcel.items.map((i) => `${i.name} x${i.quantity}`).join(", ").slice(0, 250),
      total_amount: parcel.valueVnd,
      total_quantity: parcel.items.reduce((n, i) => n + i.quantity, 0),
      total_weight: Math.max(1, Math.round(parcel.weightGrams)), // grams [C]
      money_collect: 0, // cashless
      service: "",
      checked: 0,
      fragile: 0,
      vas: [],
      description: note,
    });
    if (typeof data.tracking_code !== "string") throw new CarrierError("refused", "EMS create: no tracking_code");
    const fee = record(data.fee);
    const feeVnd = num(fee.fee);
    return { waybill: data.tracking_code, feeVnd: feeVnd === null ? null : Math.round(feeVnd + (num(fee.remote_fee) ?? 0)), expectedAt: null, carrierStatus: data.status_code === undefined ? null : String(data.status_code) };
  },

  async status(waybill) {
    const data = await call("/api/v1/orders/tracking", undefined, { params: { tracking_code: waybill } }); // ASSUMED [Unknown]
    if (data.status_code === undefined) throw new CarrierError("refused", "EMS tracking: no status");
    return { carrierStatus: String(data.status_code), state: emsState(String(data.status_code)) };
  },

  async cancel(waybill) {
    const current = await ems.status(waybill);
    if (!CANCELLABLE.has(current.carrierStatus)) throw new CarrierError("not_cancellable", `EMS: status ${current.carrierStatus}`);
    try {
      await call("/api/v1/orders/cancel", { tracking_code: waybill }); // ASSUMED [Unknown]
    } catch (error) {
      if (error instanceof CarrierError && error.code === "refused") throw new CarrierError("not_cancellable", error.message);
      throw error;
    }
  },

  async label(waybill) {
    const bytes = await carrierPdf(url("/api/v1/orders/print", { tracking_code: waybill }), { headers: { Accept: "application/pdf" } }); // ASSUMED [Unknown]
    return { kind: "pdf", bytes };
  },

  readCallback({ rawBody, headers, query }): CallbackReading {
    const transaction = headers.get("ems-transaction") ?? "";
    const secret = settings.ems?.webhookSecret;
    // No signature [C]: the secret is in the URL we registered; the reply echoes ems-transaction [C].
    if (!secret || !sameSecret(query.get("hash"), secret)) return { kind: "refused", reply: jsonReply(401, { code: "error", transaction }) };
    let body: Record<string, unknown>;
    try {
      body = record(JSON.parse(rawBody));
    } catch {
      return { kind: "malformed", reply: jsonReply(400, { code: "error", transaction }) };
    }
    if (transaction === "" || typeof body.tracking_code !== "string" || body.status_code === undefined) {
      return { kind: "malformed", reply: jsonReply(400, { code: "error", transaction }) };
    }
    const status = String(body.status_code);
    return {
      kind: "accepted",
      reply: jsonReply(200, { code: "success", transaction }),
      updates: [
        {
          dedupeKey: transaction, // unique per status event [C]
          waybill: body.tracking_code,
          reference: typeof body.order_code === "string" ? body.order_code : null,
          carrierStatus: status,
          state: emsState(status),
          occurredAt: (typeof body.datetime === "string" ? parseVietnamDateTime(body.datetime) : null) ?? Date.now(),
          description: typeof body.status_name === "string" && body.status_name !== "" ? body.status_name : typeof body.note === "string" && body.note !== "" ? body.note : null,
          location: typeof body.locate === "string" && body.locate !== "" ? body.locate : null,
        },
      ],
    };
  },
};
