/**
 * Who may open and post to every route of the production build, as each of eight people (issue 6).
 *
 * The routes come from the build's own manifest (`build/server/index.js`, export `routes`), so a
 * route added later without a row below fails the first test, naming it. Each row holds the answer
 * expected for each role, for a GET, for a POST with an empty form, and for some routes "probes":
 * well-formed POSTs that would change a record if the role were allowed to. Every batch of POSTs is
 * followed by a check that the database holds exactly what it held before.
 */
import Database from "better-sqlite3";
import { request } from "node:http";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, fingerprint } from "../setup/db-fingerprint";
import { getPage, signIn } from "../setup/http";
import { productionRoutes, type ManifestRoute } from "../setup/route-manifest";
import { startServer, type TestServer } from "../setup/server";
import { nextBuyerPhone } from "../setup/buyers";
import { soldInOneSize } from "../setup/sizes";
import { grantStaff } from "~/domain/accounts/staff-grants.server";

const ROLES = ["anonymous", "shopper", "producer", "otherProducer", "helper", "staff", "otherStaff", "central"] as const;
type Role = (typeof ROLES)[number];

/**
 * An expected answer: a status code; `L` — a redirect to sign-in that comes back to this URL;
 * `"→/path"` — a redirect to exactly that location ({placeholders} filled in); `"–"` — not sent
 * (a probe that would really change the record for a role allowed to change it).
 */
type Answer = number | "L" | `→${string}` | "–";
type Answers = [Answer, Answer, Answer, Answer, Answer, Answer, Answer, Answer];
interface Row {
  /** The URL requested, with {placeholders} resolved in beforeAll. */
  url: string;
  GET: Answers;
  /** A POST with an empty form body. */
  POST: Answers;
  /** Well-formed POSTs that would change the producer's (or province's) record if the role were allowed to. */
  probes?: { body: Record<string, string>; expect: Answers }[];
}
const L = "L";
const _ = "–";

// The producer is producer@demo.local (Cần Thơ, 92); "otherProducer" signs up in Hà Nội (01); the helper
// holds a live grant from the producer and is acting for it; "staff" is Cần Thơ's, "otherStaff" Hà Nội's.
// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                                        anonymous shopper producer otherProd helper staff otherStaff central
  "routes/_index":                           { url: "/",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/$":                                { url: "/khong-co-trang-nay",
    GET:  [404, 404, 404, 404, 404, 404, 404, 404],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/[robots.txt]":                     { url: "/robots.txt",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/[sitemap.xml]":                    { url: "/sitemap.xml",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/healthz":                          { url: "/healthz",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/open-data.products[.csv]":         { url: "/open-data/products.csv",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/open-data.products[.json]":        { url: "/open-data/products.json",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/search.suggest":                   { url: "/search/suggest?q=gao",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/places.communes":                  { url: "/places/communes?q=my+xuyen",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/media.$":                          { url: "/media/{media}",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/lang":                             { url: "/lang",
    GET:  ["→/", "→/", "→/", "→/", "→/", "→/", "→/", "→/"],
    POST: ["→/", "→/", "→/", "→/", "→/", "→/", "→/", "→/"] },
  "routes/login":                            { url: "/login",
    // Someone signed in is sent to the home of their role.
    GET:  [200, "→/", "→/seller", "→/seller", "→/seller", "→/staff", "→/staff", "→/staff"],
    POST: [400, "→/", "→/seller", "→/seller", "→/seller", "→/staff", "→/staff", "→/staff"] },
  "routes/signup":                           { url: "/signup",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  // Password reset by one-time code (ADR 0024): open to everyone; an empty form is a 400.
  "routes/login_.forgot":                    { url: "/login/forgot",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  "routes/login_.reset":                     { url: "/login/reset",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  "routes/logout":                           { url: "/logout",
    GET:  ["→/", "→/", "→/", "→/", "→/", "→/", "→/", "→/"],
    POST: ["→/", "→/", "→/", "→/", "→/", "→/", "→/", "→/"] },
  "routes/webhooks.bank-transfer":           { url: "/webhooks/bank-transfer",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [401, 401, 401, 401, 401, 401, 401, 401] },
  "routes/webhooks.stripe":                  { url: "/webhooks/stripe",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  // Configured below, so they check their providers' credentials: none of these callers has them.
  "routes/webhooks.sepay":                   { url: "/webhooks/sepay",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [401, 401, 401, 401, 401, 401, 401, 401] },
  "routes/webhooks.casso":                   { url: "/webhooks/casso",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  "routes/webhooks.payos":                   { url: "/webhooks/payos",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  // VNPay's IPN is a GET answered 200 with its RspCode (97 for an unsigned call); MoMo's a POST.
  "routes/webhooks.vnpay":                   { url: "/webhooks/vnpay",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/webhooks.momo":                    { url: "/webhooks/momo",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  // Zalo's delivery reports: off without ZALO_OA_SECRET_KEY, as on this server.
  "routes/webhooks.zalo":                    { url: "/webhooks/zalo",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [404, 404, 404, 404, 404, 404, 404, 404] },
  // Carriers' tracking callbacks (ADR 0028): no carrier is configured on this server.
  "routes/webhooks.carriers.$carrier":       { url: "/webhooks/carriers/ghtk",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [404, 404, 404, 404, 404, 404, 404, 404] },
  // eSMS's delivery report (ADR 0024): off without ESMS_CALLBACK_SECRET, as on this server.
  "routes/webhooks.esms":                    { url: "/webhooks/esms",
    GET:  [404, 404, 404, 404, 404, 404, 404, 404],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  // Each person's message choices (ADR 0024); an empty form changes nothing and comes back.
  "routes/account.messages":                 { url: "/account/messages",
    GET:  [L, 200, 200, 200, 200, 200, 200, 200],
    POST: [L, "→/account/messages", "→/account/messages", "→/account/messages", "→/account/messages", "→/account/messages", "→/account/messages", "→/account/messages"] },
  // An e-mail's one-click unsubscribe: without its token, nothing to see or do.
  "routes/messages.unsubscribe":             { url: "/messages/unsubscribe",
    GET:  [404, 404, 404, 404, 404, 404, 404, 404],
    POST: [404, 404, 404, 404, 404, 404, 404, 404] },
  // The development outbox exists only outside production (tests/integration/messages.test.ts opens it).
  "routes/dev.outbox":                       { url: "/dev/outbox",
    GET:  [404, 404, 404, 404, 404, 404, 404, 404],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },

  // Storefront
  "routes/products._index":                  { url: "/products",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/products.$slug":                   { url: "/products/{slug}",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [400, 400, 400, 400, 400, 400, 400, 400],
    // Asking needs an account, and a producer does not ask about its own product.
    probes: [{ body: { intent: "ask", question: "Kiểm tra quyền truy cập?" },
      expect: [L, _, 403, _, _, _, _, _] },
      { body: { intent: "reportQuestion", questionId: "{questionId}", reason: "spam" },
      expect: [L, _, _, _, _, _, _, _] }] },
  "routes/products.$slug_.label":            { url: "/products/{slug}/label",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/products.$slug_.qr[.svg]":         { url: "/products/{slug}/qr.svg",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/campaigns.$slug":                  { url: "/campaigns/tuan-le-gao-ocop-can-tho",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/producers.$slug":                  { url: "/producers/{producerSlug}",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/evidence.$id":                     { url: "/evidence/{evidenceId}",
    GET:  [404, 404, 200, 404, 200, 200, 404, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },

  // Cart, checkout and the shopper's order (placed by the shopper while signed in)
  "routes/cart":                             { url: "/cart",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [400, 400, 400, 400, 400, 400, 400, 400] },
  "routes/checkout":                         { url: "/checkout",
    GET:  ["→/cart", "→/cart", "→/cart", "→/cart", "→/cart", "→/cart", "→/cart", "→/cart"],
    POST: ["→/cart", "→/cart", "→/cart", "→/cart", "→/cart", "→/cart", "→/cart", "→/cart"] },
  "routes/orders._index":                    { url: "/orders",
    GET:  [L, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/orders.$code":                     { url: "/orders/{order}",
    GET:  [404, 200, 404, 404, 404, 404, 404, 404],
    POST: [404, 400, 404, 404, 404, 404, 404, 404],
    probes: [{ body: { productId: "{productId}", rating: "5", body: "Hàng ngon, đóng gói cẩn thận." },
      expect: [404, 400, 404, 404, 404, 404, 404, 404] }] },
  "routes/orders.$code.status":              { url: "/orders/{order}/status",
    GET:  [404, 200, 404, 404, 404, 404, 404, 404],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/orders.$code.vietqr[.png]":        { url: "/orders/{order}/vietqr.png",
    GET:  [404, 200, 404, 404, 404, 404, 404, 404],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/orders.$code.stripe-return":       { url: "/orders/{order}/stripe-return",
    GET:  ["→/orders", "→/orders/{order}", "→/orders", "→/orders", "→/orders", "→/orders", "→/orders", "→/orders"],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },

  // The producer's portal (the producer, or a helper acting for it)
  // "?index": under the portal layout (routes/seller) a bare /seller POST is the layout's, which has no action.
  "routes/seller._index":                    { url: "/seller?index",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 403, 403, 400, 403, 403, 403],
    probes: [{ body: { intent: "actFor", producerId: "{otherProducerId}" },
      expect: [L, 403, 403, 403, 403, 403, 403, 403] }] },
  "routes/seller.profile":                   { url: "/seller/profile",
    GET:  [L, 403, 200, 200, 403, 403, 403, 403],
    POST: [L, 403, 400, 400, 403, 403, 403, 403] },
  "routes/seller.payout-account":            { url: "/seller/payout-account",
    GET:  [L, 403, 200, 200, 403, 403, 403, 403],
    POST: [L, 403, 400, 400, 403, 403, 403, 403] },
  "routes/seller.vouchers":                  { url: "/seller/vouchers",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403],
    probes: [{ body: { intent: "disable", voucherId: "{voucherId}" },
      expect: [L, 403, _, 404, _, 403, 403, 403] }] },
  "routes/seller.helpers":                   { url: "/seller/helpers",
    GET:  [L, 403, 200, 200, 403, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403],
    probes: [{ body: { intent: "revoke", grantId: "{grantId}" },
      expect: [L, 403, _, 404, 403, 403, 403, 403] }] },
  "routes/seller.products._index":           { url: "/seller/products",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller.products.new":              { url: "/seller/products/new",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/seller.products.$id":              { url: "/seller/products/{productId}",
    GET:  [L, 403, 200, 404, 200, 403, 403, 403],
    POST: [L, 403, 400, 404, 400, 403, 403, 403],
    probes: [{ body: { intent: "hide" },
      expect: [L, 403, _, 404, _, 403, 403, 403] }] },
  "routes/seller.products.$id_.sizes":       { url: "/seller/products/{productId}/sizes",
    GET:  [L, 403, 200, 404, 200, 403, 403, 403],
    POST: [L, 403, 400, 404, 400, 403, 403, 403] },
  "routes/seller.import":                    { url: "/seller/import",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/seller.import.template[.csv]":     { url: "/seller/import/template.csv",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller.media":                     { url: "/seller/media",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/seller.orders":                    { url: "/seller/orders",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403],
    probes: [{ body: { intent: "cancel", partId: "{partId}", reason: "Hết hàng, xin lỗi khách." },
      expect: [L, 403, _, 404, _, 403, 403, 403] }] },
  // A carrier's label of a booked part (ADR 0028): none is booked here, so the producer's own part is a 404 too.
  "routes/seller.orders_.$partId.label":     { url: "/seller/orders/{partId}/label",
    GET:  [L, 403, 404, 404, 404, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller.shipping":                  { url: "/seller/shipping",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },

  "routes/seller.questions":                 { url: "/seller/questions",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403],
    probes: [{ body: { questionId: "{questionId}", answer: "Trả lời thử quyền truy cập." },
      expect: [L, 403, _, 404, _, 403, 403, 403] }] },

  // Chợ 4.0 market stalls (issue 16): the producer's sale {saleCode}; the other producer has opened no stall.
  "routes/seller.stall._index":              { url: "/seller/stall",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/seller.stall.sales":               { url: "/seller/stall/sales",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/seller.stall.sales[.csv]":         { url: "/seller/stall/sales.csv",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller.stall.sales_.$code":        { url: "/seller/stall/sales/{saleCode}",
    GET:  [L, 403, 200, 404, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403],
    probes: [{ body: { intent: "confirm" },
      expect: [L, 403, _, 404, _, 403, 403, 403] },
      { body: { intent: "cancel", reason: "Kiểm tra quyền truy cập" },
      expect: [L, 403, _, 404, _, 403, 403, 403] }] },
  "routes/seller.stall.sales_.$code.status": { url: "/seller/stall/sales/{saleCode}/status",
    GET:  [L, 403, 200, 404, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller.stall.sales_.$code.vietqr[.png]": { url: "/seller/stall/sales/{saleCode}/vietqr.png",
    GET:  [L, 403, 200, 404, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller_.stall.sign":               { url: "/seller/stall/sign",
    GET:  [L, 403, 200, "→/seller/stall", 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller_.stall.sign.qr[.svg]":      { url: "/seller/stall/sign/qr.svg?kind=pay",
    GET:  [L, 403, 200, 404, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  // The producer's own bank-confirmation webhooks: nobody here holds its key, and Casso is not connected.
  "routes/webhooks.stall.$token.sepay":      { url: "/webhooks/stall/{stallToken}/sepay",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [401, 401, 401, 401, 401, 401, 401, 401] },
  "routes/webhooks.stall.$token.casso":      { url: "/webhooks/stall/{stallToken}/casso",
    GET:  [405, 405, 405, 405, 405, 405, 405, 405],
    POST: [401, 401, 401, 401, 401, 401, 401, 401] },
  "routes/open-data.stalls[.json]":          { url: "/open-data/stalls.json",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/open-data.stalls[.csv]":           { url: "/open-data/stalls.csv",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },

  // The staff console
  "routes/staff._index":                     { url: "/staff",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.audit":                      { url: "/staff/audit",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.dashboard":                  { url: "/staff/dashboard",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.dashboard[.csv]":            { url: "/staff/dashboard.csv?chart=month",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.producers._index":           { url: "/staff/producers",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.producers.$id":              { url: "/staff/producers/{producerId}",
    GET:  [L, 403, 403, 403, 403, 200, 403, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { decision: "changes", note: "Bổ sung ảnh giấy đăng ký kinh doanh." },
      expect: [L, 403, 403, 403, 403, _, 403, _] }] },
  "routes/staff.certificates._index":        { url: "/staff/certificates",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.certificates.new":           { url: "/staff/certificates/new",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { producerId: "{producerId}", productIds: "{productId}", stars: "4", score: "75", number: "QĐ-THU-QUYEN-01", decisionDate: "{today}" },
      expect: [L, 403, 403, 403, 403, _, 403, _] }] },
  "routes/staff.certificates.$id":           { url: "/staff/certificates/{certificateId}",
    GET:  [L, 403, 403, 403, 403, 200, 403, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { intent: "revoke", reason: "Kiểm tra quyền truy cập" },
      expect: [L, 403, 403, 403, 403, _, 403, _] },
      { body: { intent: "renew", number: "QĐ-GIA-HAN-01", decisionDate: "{today}" },
      expect: [L, 403, 403, 403, 403, _, 403, _] }] },
  "routes/staff.collections._index":         { url: "/staff/collections",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400] },
  "routes/staff.collections.$id":            { url: "/staff/collections/{collectionId}",
    GET:  [L, 403, 403, 403, 403, 200, 403, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { title: "Đặc sản Hà Nội", startsOn: "{today}", position: "0", products: "{slugHaNoi}" },
      expect: [L, 403, 403, 403, 403, _, 403, _] }] },
  // Campaigns (ADR 0019): Cần Thơ's demo campaign is its staff's and central staff's, not Hà Nội's.
  // Messages of the province (ADR 0024); an empty form names no failed message: 400.
  "routes/staff.messages":                   { url: "/staff/messages",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400] },
  "routes/staff.campaigns._index":           { url: "/staff/campaigns",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.campaigns.new":              { url: "/staff/campaigns/new",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400] },
  "routes/staff.campaigns.$id":              { url: "/staff/campaigns/{campaignId}",
    GET:  [L, 403, 403, 403, 403, 200, 403, 200],
    POST: [L, 403, 403, 403, 403, 400, 403, 400],
    probes: [{ body: { title: "Chiến dịch Hà Nội", slug: "chien-dich-ha-noi", startsOn: "{today}", endsOn: "{today}", scope: "01", kind: "free_shipping" },
      expect: [L, 403, 403, 403, 403, 400, 403, _] }] },
  "routes/staff.moderation":                 { url: "/staff/moderation",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { intent: "hide", productId: "{productId}", note: "Kiểm tra quyền truy cập" },
      expect: [L, 403, 403, 403, 403, _, 403, _] },
      { body: { intent: "dismiss", reportId: "{reportId}", note: "Kiểm tra quyền truy cập" },
      expect: [L, 403, 403, 403, 403, _, 403, _] },
      // The listing is on sale, so there is nothing for staff to restore (404).
      { body: { intent: "restore", productId: "{productId}", note: "Kiểm tra quyền truy cập" },
      expect: [L, 403, 403, 403, 403, 404, 403, 404] }] },
  "routes/staff.questions":                  { url: "/staff/questions",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { intent: "hide", questionId: "{questionId}", note: "Kiểm tra quyền truy cập" },
      expect: [L, 403, 403, 403, 403, _, 403, _] },
      // The question is on show, so there is nothing for staff to show again (404).
      { body: { intent: "unhide", questionId: "{questionId}", note: "Kiểm tra quyền truy cập" },
      expect: [L, 403, 403, 403, 403, 404, 403, 404] }] },
  "routes/staff.payments":                   { url: "/staff/payments",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { intent: "markPaid", orderCode: "{order}" },
      expect: [L, 403, 403, 403, 403, _, 403, _] },
      // The order is not paid yet: its own province's staff and central staff are told so (409).
      { body: { intent: "refund", orderCode: "{order}", partId: "", reason: "Khách đổi ý, hoàn tiền" },
      expect: [L, 403, 403, 403, 403, 409, 403, 409] },
      // A part id from no part of this order is judged against the whole order, not against nothing.
      { body: { intent: "refund", orderCode: "{order}", partId: "999999", reason: "Khách đổi ý, hoàn tiền" },
      expect: [L, 403, 403, 403, 403, 409, 403, 409] },
      // A card order is not staff's to mark paid (409), and not another province's to learn so.
      { body: { intent: "markPaid", orderCode: "{cardOrder}" },
      expect: [L, 403, 403, 403, 403, 409, 403, 409] }] },
  "routes/staff.shipments":                  { url: "/staff/shipments",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.payouts":                    { url: "/staff/payouts",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400],
    probes: [{ body: { producerId: "{producerId}", amount: "10000", reference: "CK-THU-QUYEN" },
      expect: [L, 403, 403, 403, 403, _, 403, _] }] },
  // Tax withheld (issue 19): the declaration is staff's, scoped inside; a seller's statement is its own.
  "routes/staff.tax":                        { url: "/staff/tax",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.tax[.csv]":                  { url: "/staff/tax.csv",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.tax[.xlsx]":                 { url: "/staff/tax.xlsx",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.tax_.statement.$producerId": { url: "/staff/tax/statement/{producerId}",
    GET:  [L, 403, 403, 403, 403, 200, 404, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/seller.tax-statement":             { url: "/seller/tax-statement",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  // Complaints (issue 19): the buyer's on its order, the producer's in its portal, staff's in their province.
  "routes/orders.$code_.complaint":           { url: "/orders/{order}/complaint",
    GET:  [404, 200, 404, 404, 404, 404, 404, 404],
    POST: [404, 400, 404, 404, 404, 404, 404, 404] },
  "routes/seller.complaints":                 { url: "/seller/complaints",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/staff.complaints":                  { url: "/staff/complaints",
    GET:  [L, 403, 403, 403, 403, 200, 200, 200],
    POST: [L, 403, 403, 403, 403, 400, 400, 400] },
  "routes/seller.identity":                   { url: "/seller/identity",
    GET:  [L, 403, 200, 200, 200, 403, 403, 403],
    POST: [L, 403, 400, 400, 400, 403, 403, 403] },
  "routes/staff.producers.$id_.identity":     { url: "/staff/producers/{producerId}/identity",
    GET:  [L, 403, 403, 403, 403, 200, 404, 200],
    POST: [L, 403, 403, 403, 403, 400, 404, 400] },
  "routes/policies.$topic":                   { url: "/policies/returns",
    GET:  [200, 200, 200, 200, 200, 200, 200, 200],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
  "routes/staff.policies":                    { url: "/staff/policies",
    GET:  [L, 403, 403, 403, 403, 403, 403, 200],
    POST: [L, 403, 403, 403, 403, 403, 403, 400] },
  "routes/complaints.photos.$id":             { url: "/complaints/photos/999999",
    GET:  [404, 404, 404, 404, 404, 404, 404, 404],
    POST: [405, 405, 405, 405, 405, 405, 405, 405] },
};

/**
 * Staff lists that open for every staff member but must show each provincial staff member only their
 * own province's records: the marker (a record made or seeded above) is visible exactly to `seenBy`.
 */
const STAFF_LISTS: { url: string; marker: string; seenBy: Role[] }[] = [
  { url: "/staff/collections", marker: "Đặc sản Cần Thơ (ma trận quyền)", seenBy: ["staff", "central"] },
  { url: "/staff/campaigns", marker: "Tuần lễ gạo OCOP Cần Thơ", seenBy: ["staff", "central"] },
  { url: "/staff/certificates", marker: "{certificateNumber}", seenBy: ["staff", "central"] },
  { url: "/staff/certificates/new", marker: "{producerName}", seenBy: ["staff", "central"] },
  { url: "/staff/producers", marker: "Cơ sở Bánh cốm Hà Nội", seenBy: ["otherStaff", "central"] },
  { url: "/staff/payments?order={order}", marker: "{order}", seenBy: ["staff", "central"] },
  { url: "/staff/questions", marker: "Cơ sở có bán sỉ cho cửa hàng đặc sản không?", seenBy: ["staff", "central"] },
  { url: "/staff/audit?subjectType=collection&subjectId={collectionId}", marker: "Đặc sản Cần Thơ (ma trận quyền)", seenBy: ["staff", "central"] },
];

/**
 * Every route with a parameter, asked for records that do not exist (or ids that are not ids) by the
 * role that may see the real ones: a 404 page, never a 500 nor someone else's record.
 */
const MISSING: Record<string, { url: string; as: Role; expect: Answer }> = {
  "routes/$": { url: "/{bad}", as: "anonymous", expect: 404 },
  "routes/products.$slug": { url: "/products/{bad}", as: "shopper", expect: 404 },
  "routes/products.$slug_.label": { url: "/products/{bad}/label", as: "shopper", expect: 404 },
  "routes/products.$slug_.qr[.svg]": { url: "/products/{bad}/qr.svg", as: "shopper", expect: 404 },
  "routes/producers.$slug": { url: "/producers/{bad}", as: "shopper", expect: 404 },
  "routes/media.$": { url: "/media/{bad}", as: "anonymous", expect: 404 },
  "routes/evidence.$id": { url: "/evidence/{bad}", as: "central", expect: 404 },
  "routes/orders.$code": { url: "/orders/{bad}", as: "shopper", expect: 404 },
  "routes/orders.$code.status": { url: "/orders/{bad}/status", as: "shopper", expect: 404 },
  "routes/orders.$code_.complaint": { url: "/orders/{bad}/complaint", as: "shopper", expect: 404 },
  "routes/complaints.photos.$id": { url: "/complaints/photos/{bad}", as: "central", expect: 404 },
  "routes/staff.tax_.statement.$producerId": { url: "/staff/tax/statement/{bad}", as: "central", expect: 404 },
  "routes/staff.producers.$id_.identity": { url: "/staff/producers/{bad}/identity", as: "central", expect: 404 },
  "routes/policies.$topic": { url: "/policies/{bad}", as: "anonymous", expect: 404 },
  "routes/orders.$code.vietqr[.png]": { url: "/orders/{bad}/vietqr.png", as: "shopper", expect: 404 },
  "routes/orders.$code.stripe-return": { url: "/orders/{bad}/stripe-return", as: "shopper", expect: "→/orders" },
  "routes/seller.products.$id": { url: "/seller/products/{bad}", as: "producer", expect: 404 },
  "routes/seller.products.$id_.sizes": { url: "/seller/products/{bad}/sizes", as: "producer", expect: 404 },
  "routes/staff.producers.$id": { url: "/staff/producers/{bad}", as: "central", expect: 404 },
  "routes/staff.certificates.$id": { url: "/staff/certificates/{bad}", as: "central", expect: 404 },
  "routes/staff.collections.$id": { url: "/staff/collections/{bad}", as: "central", expect: 404 },
  "routes/staff.campaigns.$id": { url: "/staff/campaigns/{bad}", as: "central", expect: 404 },
  "routes/campaigns.$slug": { url: "/campaigns/{bad}", as: "anonymous", expect: 404 },
  "routes/seller.stall.sales_.$code": { url: "/seller/stall/sales/{bad}", as: "producer", expect: 404 },
  "routes/seller.stall.sales_.$code.status": { url: "/seller/stall/sales/{bad}/status", as: "producer", expect: 404 },
  "routes/seller.stall.sales_.$code.vietqr[.png]": { url: "/seller/stall/sales/{bad}/vietqr.png", as: "producer", expect: 404 },
  // Webhooks answer only POST; an unknown token's POST is a 404 (tests/integration/market-stalls.test.ts).
  "routes/webhooks.stall.$token.sepay": { url: "/webhooks/stall/{bad}/sepay", as: "anonymous", expect: 405 },
  "routes/webhooks.stall.$token.casso": { url: "/webhooks/stall/{bad}/casso", as: "anonymous", expect: 405 },
  "routes/seller.orders_.$partId.label": { url: "/seller/orders/{bad}/label", as: "producer", expect: 404 },
  // A callback URL answers GET with 405 whatever the carrier (its POST to an unknown carrier is a 404).
  "routes/webhooks.carriers.$carrier": { url: "/webhooks/carriers/{bad}", as: "anonymous", expect: 405 },
};
const NOT_IDS = ["0", "-1", "999999999", "1e3", "abc", "%20", "9007199254740993", "..%2F..%2Fdata"];

/** Routes that no URL reaches on their own: the root layout runs with every page above, the portal layouts with theirs. */
const LAYOUT_ROUTES = ["root", "routes/seller", "routes/staff"];
/** Signing out ends the session the other rows use, so its POSTs go last. */
const LAST = "routes/logout";
/**
 * Bookkeeping, not the marketplace's data: sessions are refreshed (last seen) by ordinary requests
 * and removed by signing out; rate limits count the attempts of those allowed to try (a producer's
 * refused import still counts); the upkeep lease is renewed every minute whatever the requests.
 * Messages are delivered by the server's own worker whenever they are due (ADR 0024), not by the
 * requests here; what causes a message is an event, and every event's own table is fingerprinted.
 * A provider's callback this matrix sends unsigned is refused and logged for staff (ADR 0025), like
 * an attempt a rate limit counts.
 */
const NOT_FINGERPRINTED = ["sessions", "rate_limits", "leases", "messages", "refused_callbacks"];

const BANK_SECRET = "access-matrix-bank-secret";
let server: TestServer;
let writer: Database.Database;
let manifest: ManifestRoute[];
const cookies = {} as Record<Role, string>;
const params: Record<string, string> = {};

const setCookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);
const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? `{${name}}`);
function send(path: string, cookie: string, body?: URLSearchParams | FormData) {
  return fetch(server.url + path, { method: body ? "POST" : "GET", body, headers: { cookie }, redirect: "manual" });
}
/**
 * Signs up from `address` (a loopback address of its own): sign-ups are limited per address, and the
 * matrix's own empty sign-up posts, one per role, come from 127.0.0.1.
 */
async function signUp(fields: Record<string, string>, address: string): Promise<string> {
  const body = new URLSearchParams({ password: "mat-khau-dai", ...fields }).toString();
  const { status, setCookie } = await new Promise<{ status: number; setCookie: string[] }>((resolve, reject) => {
    const req = request(`${server.url}/signup`, {
      method: "POST",
      localAddress: address,
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, setCookie: res.headers["set-cookie"] ?? [] }));
    });
    req.on("error", reject);
    req.end(body);
  });
  expect(status, `sign-up of ${fields.login}`).toBe(303);
  return setCookie.map((c) => c.split(";")[0]!).join("; ");
}
const one = <T>(sql: string, ...args: unknown[]) => server.db.prepare(sql).get(...args) as T;

beforeAll(async () => {
  server = await startServer({
    BANK_WEBHOOK_SECRET: BANK_SECRET,
    SEPAY_WEBHOOK_API_KEY: "sepay-access-matrix",
    CASSO_CHECKSUM_KEY: "casso-access-matrix",
    // payOS on, so its webhook checks its body and signature; nothing here reaches its API.
    PAYOS_CLIENT_ID: "payos-access-matrix",
    PAYOS_API_KEY: "payos-access-matrix",
    PAYOS_CHECKSUM_KEY: "payos-access-matrix",
    PAYOS_API_BASE: "http://127.0.0.1:9",
    // The wallets on, so their IPNs check signatures; nothing here reaches their APIs.
    VNPAY_TMN_CODE: "VNPAYTST",
    VNPAY_HASH_SECRET: "vnpay-access-matrix",
    VNPAY_PAYMENT_URL: "http://127.0.0.1:9/pay",
    VNPAY_API_URL: "http://127.0.0.1:9/api",
    MOMO_PARTNER_CODE: "MOMOTEST",
    MOMO_ACCESS_KEY: "momo-access-matrix",
    MOMO_SECRET_KEY: "momo-access-matrix",
    MOMO_API_BASE: "http://127.0.0.1:9",
    // Stripe configured so its webhook checks signatures; nothing here reaches its API.
    STRIPE_SECRET_KEY: "sk_test_access_matrix",
    STRIPE_WEBHOOK_SECRET: "whsec_access_matrix",
    STRIPE_API_BASE: "http://127.0.0.1:9",
  });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
  manifest = productionRoutes();

  // Hà Nội's staff member signs up, is made staff of province 01 the one way a deployment makes staff
  // (`npm run staff:grant`, here its domain function on the server's live file), then signs in.
  await signUp({ fullName: "Đỗ Văn Hà Nội", login: "staff.hanoi@example.vn", password: "demo-password", role: "shopper" }, "127.0.0.4");
  expect(grantStaff(writer, "staff.hanoi@example.vn", { province: "01" })).toContain("staff of province 01");
  const [shopper, producer, staff, otherStaff, central] = await Promise.all(
    ["shopper@demo.local", "producer@demo.local", "staff@demo.local", "staff.hanoi@example.vn", "admin@demo.local"].map((login) => signIn(server, login)),
  );
  Object.assign(cookies, { anonymous: "", shopper: shopper!, producer: producer!, staff: staff!, otherStaff: otherStaff!, central: central! });

  const producerRow = one<{ id: number; slug: string }>(
    "SELECT p.id, p.slug FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'",
  );
  const product = one<{ id: number; slug: string }>(
    `SELECT id, slug FROM products WHERE producer_id = ? AND status = 'live' AND badge_stars IS NOT NULL AND ${soldInOneSize()} ORDER BY id LIMIT 1`,
    producerRow.id,
  );
  const certificate = one<{ id: number; number: string }>(
    "SELECT c.id, c.number FROM certificates c JOIN certificate_products cp ON cp.certificate_id = c.id WHERE cp.product_id = ? AND c.status = 'active'",
    product.id,
  );
  const today = one<{ today: string }>("SELECT date('now', '+7 hours') AS today").today;
  Object.assign(params, {
    producerId: String(producerRow.id),
    producerSlug: producerRow.slug,
    productId: String(product.id),
    slug: product.slug,
    certificateId: String(certificate.id),
    certificateNumber: certificate.number,
    producerName: one<{ name: string }>("SELECT name FROM producers WHERE id = ?", producerRow.id).name,
    media: one<{ file: string }>("SELECT file FROM product_photos WHERE product_id = ? ORDER BY position LIMIT 1", product.id).file,
    today,
    // A Hà Nội product that may be featured: what Hà Nội's staff would put in Cần Thơ's collection.
    slugHaNoi: one<{ slug: string }>(
      "SELECT slug FROM products WHERE province_code = '01' AND status = 'live' AND producer_verified = 1 AND badge_stars IS NOT NULL ORDER BY id LIMIT 1",
    ).slug,
  });

  // Another producer, signed up and with its profile (in Hà Nội), as a household would.
  cookies.otherProducer = await signUp({ fullName: "Chủ cơ sở Hà Nội", login: "0905 444 333", role: "producer" }, "127.0.0.3");
  const ward01 = one<{ code: string }>("SELECT code FROM wards WHERE province_code = '01' ORDER BY code LIMIT 1").code;
  const profile = await send(
    "/seller/profile?province=01",
    cookies.otherProducer,
    new URLSearchParams({ provinceCode: "01", wardCode: ward01, addressLine: "Số 5 Phố Huế", name: "Cơ sở Bánh cốm Hà Nội", entityType: "household", phone: "0905444333" }),
  );
  expect(profile.status).toBe(303);
  params.otherProducerId = String(one<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '+84905444333' OR u.phone = '0905444333'").id);

  // A community helper invited by the producer, acting for it.
  const helper = await signUp({ fullName: "Tổ CNS Phường Cái Khế", login: "to.cns.caikhe@example.vn", role: "helper" }, "127.0.0.2");
  const invite = await (await send("/seller/helpers", cookies.producer, new URLSearchParams({ intent: "invite" }))).text();
  const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(invite)![1]!;
  expect((await send("/seller?index", helper, new URLSearchParams({ intent: "redeem", code }))).status).toBe(303);
  const acting = await send("/seller?index", helper, new URLSearchParams({ intent: "actFor", producerId: params.producerId! }));
  expect(acting.status).toBe(303);
  cookies.helper = [helper, ...setCookies(acting)].join("; ");
  params.grantId = String(one<{ id: number }>("SELECT id FROM helper_grants WHERE producer_id = ? AND revoked_at IS NULL", producerRow.id).id);

  // The shopper's order of the producer's product, paid by bank transfer (VietQR).
  const added = await send("/cart", cookies.shopper, new URLSearchParams({ intent: "add", productId: params.productId!, quantity: "1" }));
  expect(added.status).toBe(303);
  const ward92 = one<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  const placed = await send(
    "/checkout",
    cookies.shopper,
    new URLSearchParams({ fullName: "Lê Minh Anh", phone: nextBuyerPhone(), email: "", provinceCode: "92", wardCode: ward92, addressLine: "12 Đường 30 Tháng 4", paymentMethod: "vietqr" }),
  );
  expect(placed.status).toBe(303);
  params.order = new URL(placed.headers.get("location")!, server.url).pathname.split("/")[2]!;
  // A second order, by card: Stripe is out of reach here, so the order stands unpaid and its page says so.
  expect((await send("/cart", cookies.shopper, new URLSearchParams({ intent: "add", productId: params.productId!, quantity: "1" }))).status).toBe(303);
  const byCard = await send(
    "/checkout",
    cookies.shopper,
    new URLSearchParams({ fullName: "Lê Minh Anh", phone: nextBuyerPhone(), email: "", provinceCode: "92", wardCode: ward92, addressLine: "12 Đường 30 Tháng 4", paymentMethod: "stripe" }),
  );
  expect(byCard.status).toBe(303);
  params.cardOrder = new URL(byCard.headers.get("location")!, server.url).pathname.split("/")[2]!;
  expect(one<{ method: string }>("SELECT payment_method AS method FROM orders WHERE code = ?", params.cardOrder).method).toBe("stripe");
  params.partId = String(one<{ id: number }>("SELECT pt.id FROM order_parts pt JOIN orders o ON o.id = pt.order_id WHERE o.code = ?", params.order).id);

  // A collection of the producer's certified product, made by Cần Thơ's staff.
  const collection = await send(
    "/staff/collections",
    cookies.staff,
    new URLSearchParams({ title: "Đặc sản Cần Thơ (ma trận quyền)", startsOn: today, position: "0", products: product.slug }),
  );
  expect(collection.status).toBe(303);
  params.collectionId = String(one<{ id: number }>("SELECT id FROM collections WHERE title = 'Đặc sản Cần Thơ (ma trận quyền)'").id);

  // A certificate scan the producer sent as evidence.
  const scan = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 240, g: 240, b: 230 } } }).jpeg().toBuffer();
  const form = new FormData();
  form.set("intent", "evidence");
  form.set("note", "Quyết định công nhận OCOP");
  form.set("photo", new Blob([new Uint8Array(scan)], { type: "image/jpeg" }), "giay-chung-nhan.jpg");
  expect((await send("/seller/media", cookies.producer, form)).status).toBe(303);
  const evidence = one<{ id: number; file: string }>("SELECT id, file FROM certificate_evidence ORDER BY id DESC LIMIT 1");
  params.evidenceId = String(evidence.id);
  params.evidenceFile = evidence.file;

  // The demo's answered question on the producer's product (scripts/seed/demo-questions.server.ts).
  params.questionId = String(
    one<{ id: number }>(
      "SELECT q.id FROM product_questions q JOIN products p ON p.id = q.product_id WHERE p.producer_id = ? AND q.answered_at IS NOT NULL ORDER BY q.id LIMIT 1",
      producerRow.id,
    ).id,
  );

  // A shopper's report of the producer's listing, for staff to dismiss.
  const report = await send(`/products/${product.slug}`, cookies.shopper, new URLSearchParams({ reason: "wrong_information", details: "Sai khối lượng trên nhãn" }));
  expect(report.status).toBe(303);
  // The demo's campaign of Cần Thơ and the demo cooperative's voucher code (scripts/seed/demo.server.ts).
  params.campaignId = String(one<{ id: number }>("SELECT id FROM campaigns WHERE slug = 'tuan-le-gao-ocop-can-tho'").id);
  params.voucherId = String(one<{ id: number }>("SELECT id FROM vouchers WHERE code = 'ONGCUA20'").id);
  params.reportId = String(one<{ id: number }>("SELECT id FROM listing_reports WHERE product_id = ? ORDER BY id DESC LIMIT 1", product.id).id);

  // A sale at the producer's market stall, waiting to be paid (issue 16).
  const sale = await send("/seller/stall/sales", cookies.producer, new URLSearchParams({ amountVnd: "50000", method: "qr" }));
  expect(sale.status).toBe(303);
  params.saleCode = sale.headers.get("location")!.split("/").pop()!;
  params.stallToken = one<{ token: string }>("SELECT webhook_token AS token FROM stalls WHERE producer_id = ?", producerRow.id).token;
}, 60_000);

afterAll(async () => {
  writer?.close();
  await server?.stop();
});

/** What came back, in the table's own terms, so a mismatch reads as the cell that differs. */
function answerOf(res: Response, url: string, expected: Answer): Answer | string {
  const location = res.headers.get("location");
  if (res.status >= 300 && res.status < 400 && location) {
    // Remix hands loaders and actions the URL without the "?index" that picks an index route's action.
    if (location === `/login?redirectTo=${encodeURIComponent(url.replace(/\?index$/, ""))}`) return L;
    if (expected === L) return `${res.status} → ${location}`;
    return `→${location}`;
  }
  return res.status;
}

async function check(routeId: string, method: "GET" | "POST" | number): Promise<string[]> {
  const row = MATRIX[routeId]!;
  const url = fill(row.url);
  const probe = typeof method === "number" ? row.probes![method]! : null;
  const expected = probe ? probe.expect : row[method as "GET" | "POST"];
  const label = probe ? `POST ${fill(JSON.stringify(probe.body))}` : method;
  const problems: string[] = [];
  await Promise.all(
    ROLES.map(async (role, i) => {
      const want = expected[i]!;
      if (want === _) return;
      const body =
        method === "GET" ? undefined : new URLSearchParams(probe ? Object.fromEntries(Object.entries(probe.body).map(([k, v]) => [k, fill(v)])) : {});
      const res = await send(url, cookies[role], body);
      await res.arrayBuffer();
      const got = answerOf(res, url, want);
      const wanted = typeof want === "string" && want.startsWith("→") ? fill(want) : want;
      if (got !== wanted) problems.push(`${label} ${url} as ${role}: expected ${wanted}, got ${got}`);
      if (res.status >= 500) problems.push(`${label} ${url} as ${role}: server error ${res.status}`);
    }),
  );
  return problems;
}

describe("the access-control matrix", () => {
  it("has one row for every route of the production build, and none for a route that is gone", () => {
    const ids = manifest.map((r) => r.id).filter((id) => !LAYOUT_ROUTES.includes(id));
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !(id in MATRIX)), "routes without a row in MATRIX").toEqual([]);
    expect(Object.keys(MATRIX).filter((id) => !ids.includes(id)), "rows for routes the build does not have").toEqual([]);
    // A route's POST answers 405 everywhere exactly when it has no action, so the rows keep up with the code.
    const postless = manifest.filter((r) => !LAYOUT_ROUTES.includes(r.id) && MATRIX[r.id]!.POST.every((a) => a === 405));
    expect(postless.filter((r) => r.hasAction).map((r) => r.id), "routes with an action whose POST row says 405").toEqual([]);
    expect(manifest.filter((r) => !r.hasAction && !LAYOUT_ROUTES.includes(r.id) && !postless.includes(r)).map((r) => r.id), "routes without an action").toEqual([]);
  });

  it("resolves every URL in the table to the route it is the row of", () => {
    for (const route of manifest) {
      if (LAYOUT_ROUTES.includes(route.id)) continue;
      const path = new URL(fill(MATRIX[route.id]!.url), "http://x").pathname;
      const pattern = new RegExp(
        `^${route.pattern.replace(/[.]/g, "\\.").replace(/:\w+/g, "[^/]+").replace(/\/\*$/, "/.+").replace(/^\/\*$/, "/.+")}$`,
      );
      expect(path, route.id).toMatch(pattern);
    }
  });

  // This sweep and the POST one send hundreds of requests, fingerprinting the database between them:
  // 20-30 s on the 2-core machine beside other test files, too near the project's 30 s default.
  it("answers every GET as the table says, changing nothing", { timeout: 120_000 }, async () => {
    const before = fingerprint(server.db, { except: NOT_FINGERPRINTED });
    const problems: string[] = [];
    for (const id of Object.keys(MATRIX)) problems.push(...(await check(id, "GET")));
    const changed = changedTables(before, fingerprint(server.db, { except: NOT_FINGERPRINTED }));
    expect({ problems, changed }).toEqual({ problems: [], changed: [] });
  });

  it("shows each provincial staff member only their own province's records in the staff lists", async () => {
    const problems: string[] = [];
    for (const list of STAFF_LISTS) {
      for (const role of ["staff", "otherStaff", "central"] as const) {
        const page = await getPage(server.url + fill(list.url), { headers: { cookie: cookies[role] } });
        const seen = page.status === 200 && page.text.includes(fill(list.marker));
        if (page.status !== 200) problems.push(`${fill(list.url)} as ${role}: ${page.status}`);
        else if (seen !== list.seenBy.includes(role)) problems.push(`${fill(list.url)} as ${role}: ${seen ? "shows" : "does not show"} ${fill(list.marker)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("never serves a certificate scan as a public file, under its private name or the name it was uploaded as", async () => {
    const file = params.evidenceFile!;
    expect(file).toMatch(/^evidence\//);
    const urls = [`/media/${file}`, `/media/producers/${file.slice("evidence/".length)}`];
    const answers = await Promise.all(urls.flatMap((url) => ROLES.map(async (role) => `${url} ${role} ${(await send(url, cookies[role])).status}`)));
    expect(answers).toEqual(urls.flatMap((url) => ROLES.map((role) => `${url} ${role} 404`)));
  });

  it("answers 404 for records that do not exist on every route with a parameter", async () => {
    const withParams = manifest.filter((r) => /[:*]/.test(r.pattern)).map((r) => r.id);
    expect(withParams.filter((id) => !(id in MISSING)), "routes with a parameter but no row in MISSING").toEqual([]);
    const problems: string[] = [];
    for (const [id, row] of Object.entries(MISSING)) {
      await Promise.all(
        NOT_IDS.map(async (bad) => {
          const url = row.url.replace("{bad}", bad);
          const res = await send(url, cookies[row.as]);
          await res.arrayBuffer();
          const got = answerOf(res, url, row.expect);
          if (got !== row.expect) problems.push(`${id}: GET ${url} as ${row.as}: expected ${row.expect}, got ${got}`);
        }),
      );
    }
    expect(problems).toEqual([]);
  });

  it("refuses each portal page's own data (`<path>.data?_routes=<route>`) to every role its page refuses", { timeout: 120_000 }, async () => {
    // The portal layouts (routes/seller, routes/staff) check the role for their header only: a single
    // route's data request runs that route's loader alone, so each page must refuse by itself (ADR 0017).
    const pages = manifest.filter((r) => r.hasComponent && /^routes\/(seller|staff)\./.test(r.id));
    expect(pages.length).toBeGreaterThanOrEqual(23);
    const problems: string[] = [];
    for (const route of pages) {
      const page = new URL(fill(MATRIX[route.id]!.url), "http://x");
      page.searchParams.delete("index");
      const dataUrl = `${page.pathname}.data?${new URLSearchParams([...page.searchParams, ["_routes", route.id]])}`;
      const wantedUrl = page.pathname + page.search;
      await Promise.all(
        ROLES.map(async (role, i) => {
          const want = MATRIX[route.id]!.GET[i]!;
          const res = await send(dataUrl, cookies[role]);
          const body = await res.text();
          // Single fetch answers a redirect with 202 and its Location; a refusal with the error's status.
          const got = res.status === 202 && res.headers.get("location") ? answerOf(new Response(null, { status: 302, headers: { location: res.headers.get("location")! } }), wantedUrl, want) : res.status;
          const wanted = typeof want === "string" && want.startsWith("→") ? fill(want) : want;
          if (got !== wanted) problems.push(`GET ${dataUrl} as ${role}: expected ${wanted}, got ${got}`);
          // The route's data travels under `"data"`; a refused role must get none of it.
          const carriesData = body.includes(`"${route.id}"`) && body.includes('"data"');
          if (want === 200 && !carriesData) problems.push(`GET ${dataUrl} as ${role}: no data for an allowed role`);
          if (want !== 200 && carriesData) problems.push(`GET ${dataUrl} as ${role}: data sent to a refused role`);
        }),
      );
    }
    expect(problems).toEqual([]);
  });

  it("answers every POST as the table says, and not one of them changes the database", { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const order = [...Object.keys(MATRIX).filter((id) => id !== LAST), LAST];
    let before = fingerprint(server.db, { except: NOT_FINGERPRINTED });
    for (const id of order) {
      for (const method of ["POST", ...(MATRIX[id]!.probes ?? []).map((_p, i) => i)] as const) {
        problems.push(...(await check(id, method)));
        const after = fingerprint(server.db, { except: NOT_FINGERPRINTED });
        const changed = changedTables(before, after);
        if (changed.length > 0) problems.push(`${typeof method === "number" ? `probe ${method + 1}` : method} ${fill(MATRIX[id]!.url)} changed ${changed.join(", ")}`);
        before = after;
      }
    }
    expect(problems).toEqual([]);
  });
});
