/**
 * Viettel Post, INTEGRATIONS.md §3.3. Every assumption about Viettel Post is in this file;
 * [C] = its partner API document, [I] = inferred. It takes the two-level address directly: its new
 * province id, the province's "NEW" pseudo-district and the new ward id [C]. Strings ≤ 150 bytes [C].
 * The token is the long-lived one from `ownerconnect` (or LoginVTP), set as VIETTELPOST_TOKEN.
 */
import { settings } from "~/settings.server";
import type { TrackingState } from "../carrier-codes";
import { servesArea, viettelPostArea } from "../areas.server";
import { CarrierError, type CarrierAdapter, type CallbackReading, type Place } from "../carrier";
import { carrierJson, cutToBytes, jsonReply, parseVietnamDateTime, sameSecret } from "../carrier-http.server";

/** ORDER_STATUS → our state [C: status table]. */
export const VIETTELPOST_STATES: Record<string, TrackingState> = {
  "101": "cancelled",
  "102": "booked",
  "103": "booked",
  "104": "picking_up",
  "105": "picked_up",
  "107": "cancelled",
  "200": "picked_up",
  "201": "cancelled",
  "202": "other",
  "300": "in_transit",
  "400": "in_transit",
  "500": "delivering",
  "501": "delivered",
  "502": "returning",
  "503": "cancelled",
  "504": "returned",
  "505": "delivery_failed",
  "506": "delivery_failed",
  "507": "delivering",
  "508": "delivering",
  "509": "in_transit",
  "515": "returning",
  "550": "delivering",
};

export function viettelPostState(code: string): TrackingState {
  return VIETTELPOST_STATES[code] ?? "other";
}

function config() {
  const cfg = settings.viettelpost;
  if (!cfg) throw new CarrierError("unsupported", "Viettel Post is not configured");
  return cfg;
}

function area(place: Place) {
  const found = viettelPostArea(place.provinceCode, place.wardCode);
  if (!found) throw new CarrierError("refused", `Viettel Post has no ids for commune ${place.wardCode}`);
  return found;
}

const s150 = (text: string) => cutToBytes(text, 150);

interface VtpAnswer {
  status?: number;
  error?: boolean;
  message?: string;
  data?: unknown;
}

async function call(path: string, body: unknown, signal?: AbortSignal): Promise<VtpAnswer> {
  const { body: raw } = await carrierJson(`${config().apiBase}${path}`, {
    method: "POST",
    headers: { Token: config().token, "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  const a = (raw && typeof raw === "object" ? raw : {}) as VtpAnswer;
  // Errors often come with HTTP 200 and error:true; status 201/202 = token invalid [I].
  if (a.error !== false || a.status !== 200) throw new CarrierError("refused", `Viettel Post ${path}: ${a.message ?? "refused"}`);
  return a;
}

const record = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** KPI_HT is the promised time in hours [I]. */
const fromKpiHours = (v: unknown) => (num(v) === null ? null : Date.now() + num(v)! * 3_600_000);

export const viettelPost: CarrierAdapter = {
  code: "viettelpost",
  signedCallbacks: true,
  configured: () => settings.viettelpost !== undefined,
  serves: (place) => servesArea("viettelpost", place),

  async quote({ from, to, parcel }, signal) {
    const a = area(from);
    const b = area(to);
    const answer = await call(
      "/v2/order/getPrice",
      {
        SENDER_PROVINCE: a.provinceId,
        SENDER_DISTRICT: a.districtId,
        SENDER_WARD: a.wardId,
        RECEIVER_PROVINCE: b.provinceId,
        RECEIVER_DISTRICT: b.districtId,
        RECEIVER_WARD: b.wardId,
        PRODUCT_TYPE: "HH",
        PRODUCT_WEIGHT: Math.max(1, Math.round(parcel.weightGrams)),
        PRODUCT_PRICE: parcel.valueVnd,
        MONEY_COLLECTION: 0,
        ORDER_SERVICE: config().service,
        ORDER_SERVICE_ADD: "",
        NATIONAL_TYPE: 1,
      },
      signal,
    );
    const data = record(answer.data);
    const total = num(data.MONEY_TOTAL);
    if (total === null) throw new CarrierError("refused", "Viettel Post getPrice: no MONEY_TOTAL");
    return { carrier: "viettelpost", feeVnd: Math.round(total), expectedAt: fromKpiHours(data.KPI_HT) };
  },

  async book({ key, from, to, parcel, note }) {
    const a = area(from);
    const b = area(to);
    const productName = s150(parcel.items.map((i) => `${i.name} x${i.quantity}`).join(", "));
    try {
      const answer = await call("/v2/order/createOrder", {
        ORDER_NUMBER: key,
        GROUPADDRESS_ID: 0,
        SENDER_FULLNAME: s150(from.name),
        SENDER_ADDRESS: s150(from.addressLine),
        SENDER_PHONE: from.phone,
        SENDER_PROVINCE: a.provinceId,
        SENDER_DISTRICT: a.districtId,
        SENDER_WARD: a.wardId,
        RECEIVER_FULLNAME: s150(to.name),
        RECEIVER_ADDRESS: s150(to.addressLine),
        RECEIVER_PHONE: to.phone,
        RECEIVER_PROVINCE: b.provinceId,
        RECEIVER_DISTRICT: b.districtId,
        RECEIVER_WARD: b.wardId,
        PRODUCT_NAME: productName,
        PRODUCT_QUANTITY: parcel.items.reduce((n, i) => n + i.quantity, 0),
        PRODUCT_PRICE: parcel.valueVnd,
        PRODUCT_WEIGHT: Math.max(1, Math.round(parcel.weightGrams)),
        PRODUCT_LENGTH: parcel.lengthCm,
        PRODUCT_WIDTH: parcel.widthCm,
        PRODUCT_HEIGHT: parcel.heightCm,
        PRODUCT_TYPE: "HH",
        ORDER_PAYMENT: 1, // no cash collected [C]
        ORDER_SERVICE: config().service,
        ORDER_SERVICE_ADD: "",
        ORDER_NOTE: s150(note),
        MONEY_COLLECTION: 0,
        CHECK_UNIQUE: true, // a second ORDER_NUMBER is refused [C]
        LIST_ITEM: parcel.items.map((i) => ({ PRODUCT_NAME: s150(i.name), PRODUCT_PRICE: 0, PRODUCT_WEIGHT: Math.round(i.weightGrams), PRODUCT_QUANTITY: i.quantity })),
      });
      const data = record(answer.data);
      if (typeof data.ORDER_NUMBER !== "string") throw new CarrierError("refused", "Viettel Post createOrder: no ORDER_NUMBER");
      return { waybill: data.ORDER_NUMBER, feeVnd: num(data.MONEY_TOTAL), expectedAt: fromKpiHours(data.KPI_HT), carrierStatus: null };
    } catch (error) {
      // No documented way to read back the waybill of a duplicate [Unknown]: staff check the partner portal.
      if (error instanceof CarrierError && /tồn tại|exist|duplicate/i.test(error.message)) throw new CarrierError("duplicate", error.message);
      throw error;
    }
  },

  async status() {
    // Viettel Post's callbacks are authenticated (Authorization), so they are not re-queried; no
    // status query is documented in the sources consulted [Unknown].
    throw new CarrierError("unsupported", "Viettel Post has no status query in this adapter");
  },

  async cancel(waybill) {
    // TYPE 4 = cancel, only while status < 200 and not 105/107 [C].
    try {
      await call("/v2/order/UpdateOrder", { TYPE: 4, ORDER_NUMBER: waybill, NOTE: "Người bán huỷ" });
    } catch (error) {
      if (error instanceof CarrierError && error.code === "refused") throw new CarrierError("not_cancellable", error.message);
      throw error;
    }
  },

  async label(waybill) {
    const answer = await call("/v2/order/printing-code", { EXPIRY_TIME: Date.now() + 3_600_000, ORDER_ARRAY: [waybill] });
    if (typeof answer.message !== "string" || answer.message === "") throw new CarrierError("refused", "Viettel Post printing-code: no code");
    // type 2 = A6 [C].
    return { kind: "url", url: `${config().printBase}/DigitalizePrint/report.do?type=2&bill=${encodeURIComponent(answer.message)}&showPostage=1` };
  },

  readCallback({ rawBody, headers }): CallbackReading {
    const secret = settings.viettelpost?.webhookSecret;
    // The "Secret parameters" configured at Viettel Post come back in Authorization [C].
    if (!secret || !sameSecret(headers.get("authorization"), secret)) return { kind: "refused", reply: jsonReply(401, { error: true, message: "unauthorized" }) };
    // Always 200, even for duplicates, unknown orders and out-of-order events [C].
    const ok = jsonReply(200, { error: false, message: "OK" });
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return { kind: "malformed", reply: jsonReply(400, { error: true, message: "bad body" }) };
    }
    const data = record(record(parsed).DATA);
    const waybill = data.ORDER_NUMBER;
    const status = data.ORDER_STATUS;
    const date = typeof data.ORDER_STATUSDATE === "string" ? data.ORDER_STATUSDATE : "";
    if (typeof waybill !== "string" || (typeof status !== "number" && typeof status !== "string")) {
      return { kind: "malformed", reply: jsonReply(400, { error: true, message: "bad body" }) };
    }
    return {
      kind: "accepted",
      reply: ok,
      updates: [
        {
          dedupeKey: `${waybill}:${String(status)}:${date}`, // [C: INTEGRATIONS.md §0]
          waybill,
          reference: typeof data.ORDER_REFERENCE === "string" ? data.ORDER_REFERENCE : null,
          carrierStatus: String(status),
          state: viettelPostState(String(status)),
          occurredAt: parseVietnamDateTime(date) ?? Date.now(),
          description: typeof data.STATUS_NAME === "string" && data.STATUS_NAME !== "" ? data.STATUS_NAME : typeof data.NOTE === "string" && data.NOTE !== "" ? data.NOTE : null,
          location: typeof data.LOCALION_CURRENTLY === "string" && data.LOCALION_CURRENTLY !== "" ? data.LOCALION_CURRENTLY : null,
        },
      ],
    };
  },
};
