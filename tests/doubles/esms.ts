import { listen, reply, type Double } from "./http-double";

/**
 * eSMS as developers.esms.vn documents it (INTEGRATIONS.md §4.2): POST
 * /MainService.svc/json/SendMultipleMessage_V4_post_json/ with the JSON body, answering
 * { CodeResult: "100", SMSID } when accepted, "101" for wrong keys, "124" for a RequestId it already took
 * (nothing is sent again). `sent` holds the SMS that would reach phones: one per accepted RequestId.
 */
export interface EsmsSms {
  Phone: string;
  Content: string;
  RequestId: string;
  Brandname: string;
  CallbackUrl: string;
  SMSID: string;
}

export interface EsmsDouble extends Double {
  sent: EsmsSms[];
  /** Phones eSMS refuses as blocked (CodeResult "99"), e.g. a subscriber who opted out. */
  blocked: Set<string>;
  requests: number;
}

export async function startEsmsDouble(keys: { apiKey: string; secretKey: string }): Promise<EsmsDouble> {
  const sent: EsmsSms[] = [];
  const blocked = new Set<string>();
  const state = { requests: 0 };
  const double = await listen((request, raw, response) => {
    if (request.method !== "POST" || request.url !== "/MainService.svc/json/SendMultipleMessage_V4_post_json/") return reply(response, 404, {});
    state.requests++;
    const body: unknown = JSON.parse(raw);
    const field = (name: string) => (typeof body === "object" && body !== null ? String(Reflect.get(body, name) ?? "") : "");
    if (field("ApiKey") !== keys.apiKey || field("SecretKey") !== keys.secretKey) return reply(response, 200, { CodeResult: "101", ErrorMessage: "Sai ApiKey hoặc SecretKey" });
    if (!/^0\d{9}$/.test(field("Phone"))) return reply(response, 200, { CodeResult: "108", ErrorMessage: "Số điện thoại không hợp lệ" });
    if (blocked.has(field("Phone"))) return reply(response, 200, { CodeResult: "99", ErrorMessage: "Thuê bao bị chặn" });
    if (sent.some((sms) => sms.RequestId === field("RequestId"))) return reply(response, 200, { CodeResult: "124", ErrorMessage: "Trùng RequestId" });
    const sms: EsmsSms = {
      Phone: field("Phone"),
      Content: field("Content"),
      RequestId: field("RequestId"),
      Brandname: field("Brandname"),
      CallbackUrl: field("CallbackUrl"),
      SMSID: `sms-${sent.length + 1}`,
    };
    sent.push(sms);
    reply(response, 200, { CodeResult: "100", SMSID: sms.SMSID, ErrorMessage: "" });
  });
  return {
    url: double.url,
    close: double.close,
    sent,
    blocked,
    get requests() {
      return state.requests;
    },
  };
}
