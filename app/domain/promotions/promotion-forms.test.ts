import { describe, expect, it } from "vitest";
import { campaignSchema, voucherSchema } from "./promotion-forms";

const voucher = { code: "ongcua20", kind: "fixed", amountVnd: "20.000", minOrderVnd: "200.000", totalUses: "100", perBuyer: "1", startsOn: "2026-12-01", endsOn: "2026-12-31" };

describe("voucher and campaign forms", () => {
  it("read amounts as people type them, as the product form does", () => {
    expect(voucherSchema.parse(voucher)).toMatchObject({ code: "ONGCUA20", amountVnd: 20_000, minOrderVnd: 200_000, percent: null, capVnd: null });
    expect(voucherSchema.parse({ ...voucher, amountVnd: "1,5 triệu" }).amountVnd).toBe(1_500_000);
    const campaign = campaignSchema.parse({ title: "Tết", slug: "tet", startsOn: "2026-12-01", endsOn: "2026-12-31", scope: "92", kind: "percent", percent: "10", capVnd: "50.000" });
    expect(campaign).toMatchObject({ percent: 10, capVnd: 50_000, amountVnd: null, provinceCode: "92", minOrderVnd: 0 });
  });

  it("refuses dates out of order and terms the kind needs, by the field", () => {
    const result = voucherSchema.safeParse({ ...voucher, amountVnd: "", endsOn: "2026-11-30" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]).sort()).toEqual([
      ["amountVnd", "campaign.error.amount"],
      ["endsOn", "campaign.error.dates"],
    ]);
  });
});
