import { describe, expect, it } from "vitest";
import { auditChanges, auditSearch, auditTimeRange, parseAuditFilters } from "./audit-view";

describe("auditChanges", () => {
  it("reads a listing's hold as its status, and leaves out what did not change", () => {
    const changes = auditChanges({
      subjectType: "product",
      before: JSON.stringify({ status: "live", held: false, heldReason: null }),
      after: JSON.stringify({ status: "live", held: true, note: "Ảnh sai", reportId: 12 }),
    });
    expect(changes).toEqual([
      { field: "status", label: "audit.field.status", before: { kind: "message", key: "listing.status.live" }, after: { kind: "message", key: "listing.status.held" } },
      { field: "reportId", label: "audit.field.reportId", before: { kind: "none" }, after: { kind: "text", text: "#12" } },
      { field: "note", label: "audit.field.note", before: { kind: "none" }, after: { kind: "text", text: "Ảnh sai" } },
    ]);
  });

  it("reads a question's hiding as yes or no, with staff's reason", () => {
    const changes = auditChanges({ subjectType: "question", before: '{"hidden":false,"hiddenReason":null}', after: '{"hidden":true,"note":"Quảng cáo"}' });
    expect(changes).toEqual([
      { field: "hidden", label: "audit.field.hidden", before: { kind: "message", key: "audit.no" }, after: { kind: "message", key: "audit.yes" } },
      { field: "note", label: "audit.field.note", before: { kind: "none" }, after: { kind: "text", text: "Quảng cáo" } },
    ]);
  });

  it("names each record type's status in its own words, and money in đồng", () => {
    const producer = auditChanges({ subjectType: "producer", before: '{"status":"pending","note":null}', after: '{"status":"approved","note":null,"productsPublished":2}' });
    expect(producer.map((c) => [c.field, c.after])).toEqual([
      ["status", { kind: "message", key: "audit.status.producer.approved" }],
      ["productsPublished", { kind: "text", text: "2" }],
    ]);
    const payout = auditChanges({ subjectType: "producer", before: '{"payableVnd":450000,"paidOutVnd":0}', after: '{"payableVnd":0,"paidOutVnd":450000,"reference":"FT1"}' });
    expect(payout[0]).toEqual({ field: "payableVnd", label: "audit.field.payableVnd", before: { kind: "money", vnd: 450000 }, after: { kind: "money", vnd: 0 } });
  });

  it("shows a new record's fields without a before and its empty ones not at all, dates as dates and lists as lists", () => {
    const changes = auditChanges({ subjectType: "certificate", before: null, after: '{"number":"QĐ 1","stars":4,"decisionDate":"2026-05-20","productIds":[3,4],"note":"","endsOn":null}' });
    expect(changes).toEqual([
      { field: "number", label: "audit.field.number", before: null, after: { kind: "text", text: "QĐ 1" } },
      { field: "stars", label: "audit.field.stars", before: null, after: { kind: "text", text: "4★" } },
      { field: "decisionDate", label: "audit.field.decisionDate", before: null, after: { kind: "date", iso: "2026-05-20" } },
      { field: "productIds", label: "audit.field.productIds", before: null, after: { kind: "list", items: [{ kind: "text", text: "#3" }, { kind: "text", text: "#4" }] } },
    ]);
  });

  it("keeps a field it has no label for under its name, and survives a record that is not JSON", () => {
    expect(auditChanges({ subjectType: "stall", before: null, after: '{"colour":"xanh","size":{"w":2}}' })).toEqual([
      { field: "colour", label: null, before: null, after: { kind: "text", text: "xanh" } },
      { field: "size", label: null, before: null, after: { kind: "text", text: '{"w":2}' } },
    ]);
    expect(auditChanges({ subjectType: "x", before: null, after: "not json" })).toEqual([
      { field: "value", label: null, before: null, after: { kind: "text", text: "not json" } },
    ]);
  });
});

describe("parseAuditFilters", () => {
  it("keeps the actions and record types the page offers, real dates and a page number", () => {
    const { filters, error } = parseAuditFilters(new URLSearchParams("action=listing.hide&subjectType=product&from=2026-05-01&to=2026-05-31&page=3"));
    expect(error).toBeNull();
    expect(filters).toEqual({ action: "listing.hide", subjectType: "product", subjectId: undefined, from: "2026-05-01", to: "2026-05-31", page: 3 });
  });
  it("drops what it does not offer, and says when the end comes before the start", () => {
    const { filters, error } = parseAuditFilters(new URLSearchParams("action=toString&subjectType=__proto__&from=2026-02-30&page=-4"));
    expect(filters).toEqual({ action: undefined, subjectType: undefined, subjectId: undefined, from: undefined, to: undefined, page: 1 });
    expect(error).toBeNull();
    expect(parseAuditFilters(new URLSearchParams("from=2026-05-02&to=2026-05-01"))).toEqual({
      filters: { action: undefined, subjectType: undefined, subjectId: undefined, from: "2026-05-02", to: undefined, page: 1 },
      error: "audit.error.to",
    });
  });
});

describe("auditTimeRange and auditSearch", () => {
  it("takes whole days in Vietnam, and keeps the filters in paging links", () => {
    expect(auditTimeRange({ from: "2026-05-01", to: "2026-05-01" })).toEqual({
      since: Date.parse("2026-04-30T17:00:00Z"),
      before: Date.parse("2026-05-01T17:00:00Z"),
    });
    expect(auditSearch({ action: "listing.hide", page: 1 }, 2)).toBe("?action=listing.hide&page=2");
    expect(auditSearch({ page: 2 }, 1)).toBe("");
  });
});
