/**
 * Chợ 4.0 figures for the staff dashboard (issue 16), read from `stall_sales` only: cashless sales are
 * QR sales confirmed paid (by the producer or its bank feed), dated by when they were paid, counted
 * in the province and at the market the sale was made in (both copied onto the sale). Cash sales and
 * cancelled or unpaid ones are not cashless transactions. A stall is active in a period when it
 * took at least one cashless payment in it.
 */
export interface MarketFigures {
  activeStalls: number;
  transactions: number;
  valueVnd: number;
  byMonth: { month: string; transactions: number; valueVnd: number; activeStalls: number }[];
  /** Every province in scope, most value first. */
  byProvince: { province: string; transactions: number; valueVnd: number; activeStalls: number }[];
  /** Markets (a producer names the one it stands in; "" when it named none), most value first. */
  byLocation: { province: string; market: string; transactions: number; valueVnd: number; activeStalls: number }[];
}

