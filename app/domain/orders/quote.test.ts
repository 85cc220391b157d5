import { describe, expect, it } from "vitest";
import { aCartLine } from "../../../tests/cart-lines";
import { quoteOrder } from "./quote";


const toCanTho = { provinceCode: "92", region: "south" } as const;

// Cần Thơ (92, south): rice 5 kg + two 700 g bottles of fish sauce.
const canThoRice = aCartLine({ productId: 1, producerId: 1, priceVnd: 180_000, weightGrams: 5_000, quantity: 1 });
const canThoFishSauce = aCartLine({ productId: 2, producerId: 1, priceVnd: 95_000, weightGrams: 700, quantity: 2 });
// Thái Nguyên (19, north): three 200 g packs of tea, free shipping from 500.000 ₫.
const thaiNguyenTea = aCartLine({
  productId: 3,
  producerId: 2,
  priceVnd: 120_000,
  weightGrams: 200,
  quantity: 3,
  producerProvinceCode: "19",
  producerRegion: "north",
  freeShippingThresholdVnd: 500_000,
});
// Hồ Chí Minh City (79, south): one 2.5 kg box, free shipping from 40.000 ₫.
const saigonBox = aCartLine({
  productId: 4,
  producerId: 3,
  priceVnd: 50_000,
  weightGrams: 2_500,
  quantity: 1,
  producerProvinceCode: "79",
  producerRegion: "south",
  freeShippingThresholdVnd: 40_000,
});

describe("quoteOrder", () => {
  it("charges one shipping fee per producer part and adds the parts up", () => {
    const quote = quoteOrder([canThoRice, thaiNguyenTea, canThoFishSauce, saigonBox], toCanTho);

    expect(quote.parts.map(({ producerId, weightGrams, goodsTotalVnd, shippingFeeVnd, totalVnd }) => ({ producerId, weightGrams, goodsTotalVnd, shippingFeeVnd, totalVnd }))).toEqual([
      // Same province: 20.000 ₫, plus 5 started kg above 2 kg (6.4 kg) at 5.000 ₫.
      { producerId: 1, weightGrams: 6_400, goodsTotalVnd: 370_000, shippingFeeVnd: 45_000, totalVnd: 415_000 },
      // Another region: 40.000 ₫; 360.000 ₫ of goods is under the 500.000 ₫ threshold.
      { producerId: 2, weightGrams: 600, goodsTotalVnd: 360_000, shippingFeeVnd: 40_000, totalVnd: 400_000 },
      // Over its producer's threshold: free.
      { producerId: 3, weightGrams: 2_500, goodsTotalVnd: 50_000, shippingFeeVnd: 0, totalVnd: 50_000 },
    ]);
    expect(quote.goodsTotalVnd).toBe(780_000);
    expect(quote.shippingTotalVnd).toBe(85_000);
    expect(quote.totalVnd).toBe(865_000);
    expect(quote.parts[0]!.lines.map((l) => l.productId)).toEqual([1, 2]);
  });

  it("prices the same cart by where it goes", () => {
    const toHaNoi = quoteOrder([canThoRice, thaiNguyenTea], { provinceCode: "01", region: "north" });
    // Cần Thơ → Hà Nội is another region (40.000 ₫ + 3 kg over: 15.000 ₫); Thái Nguyên → Hà Nội the same region.
    expect(toHaNoi.parts.map((p) => p.shippingFeeVnd)).toEqual([55_000, 30_000]);
    expect(toHaNoi.totalVnd).toBe(180_000 + 360_000 + 55_000 + 30_000);
  });

  it("quotes nothing for no lines", () => {
    expect(quoteOrder([], toCanTho)).toEqual({ parts: [], goodsTotalVnd: 0, shippingTotalVnd: 0, totalVnd: 0 });
  });
});
