import { z } from "zod";
import { isIsoDate } from "../shared/dates";
import { message, required } from "../shared/form-messages";
import { MAX_CHARGE_VND } from "../shared/money";
import { wholeNumber } from "../catalog/product-form";
import { VOUCHER_CODE } from "./discounts";

/** Campaign and voucher forms (ADR 0019): pure, shared by the routes and their pages (ADR 0016). */

const date = z
  .string(required)
  .trim()
  .refine(isIsoDate, message("campaign.error.date"));
/** An amount typed as people write it ("50.000", "1,5 triệu"), as on the product form; blank is none. */
const optionalMoney = (key: Parameters<typeof message>[0]) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    wholeNumber(MAX_CHARGE_VND, key).optional()
  );

/** Terms of a discount: its dates in order, and the fields its kind needs, checked together. */
function checkTerms(
  value: { kind: string; percent?: number; amountVnd?: number; startsOn: string; endsOn: string },
  ctx: z.RefinementCtx
) {
  if (value.endsOn < value.startsOn)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["endsOn"],
      message: message("campaign.error.dates"),
    });
  if (
    value.kind === "percent" &&
    (value.percent === undefined || value.percent < 1 || value.percent > 90)
  ) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["percent"],
      message: message("campaign.error.percent"),
    });
  }
  if (
    value.kind === "fixed" &&
    (value.amountVnd === undefined || value.amountVnd < 1_000)
  ) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["amountVnd"],
      message: message("campaign.error.amount"),
    });
  }
}

/** Only what the kind uses is kept, so the row satisfies the table's terms CHECK. */
function keptTerms<T extends { kind: string; percent?: number; capVnd?: number; amountVnd?: number; minOrderVnd?: number }>(value: T) {
  return {
    ...value,
    percent: value.kind === "percent" ? value.percent! : null,
    capVnd: value.kind === "percent" && value.capVnd ? value.capVnd : null,
    amountVnd: value.kind === "fixed" ? value.amountVnd! : null,
    minOrderVnd: value.minOrderVnd ?? 0,
  };
}

/** A number of uses, 1 to `max`. */
const uses = (max: number) =>
  z.coerce
    .number({ invalid_type_error: message("voucher.error.uses") })
    .int(message("voucher.error.uses"))
    .min(1, message("voucher.error.uses"))
    .max(max, message("voucher.error.uses"));

const percent = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce.number().int(message("campaign.error.percent")).optional()
);

/** Slugs typed one per line or separated by commas, lower-cased, each at most once. */
const slugList = z
  .string()
  .optional()
  .transform((text) =>
    [
      ...new Set(
        (text ?? "")
          .split(/[\s,;]+/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean)
      ),
    ].slice(0, 200)
  );

export const campaignSchema = z
  .object({
    title: z
      .string(required)
      .trim()
      .min(2, message("campaign.error.title"))
      .max(120, message("campaign.error.title")),
    slug: z
      .string(required)
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, message("campaign.error.slug"))
      .min(3, message("campaign.error.slug"))
      .max(80, message("campaign.error.slug")),
    description: z.string().trim().max(2000).optional(),
    startsOn: date,
    endsOn: date,
    /** A province code, or "national" (central staff only). */
    scope: z
      .string(required)
      .regex(/^(\d{2}|national)$/, message("campaign.error.province")),
    kind: z.enum(["percent", "fixed", "free_shipping"], {
      errorMap: () => ({ message: message("form.required") }),
    }),
    percent,
    capVnd: optionalMoney("campaign.error.money"),
    amountVnd: optionalMoney("campaign.error.money"),
    minOrderVnd: optionalMoney("campaign.error.money"),
    budgetVnd: optionalMoney("campaign.error.money"),
    producers: slugList,
    products: slugList,
  })
  .superRefine(checkTerms)
  .transform((value) => ({
    ...keptTerms(value),
    description: value.description ?? "",
    provinceCode: value.scope === "national" ? null : value.scope,
    budgetVnd: value.budgetVnd ? value.budgetVnd : null,
  }));
export type CampaignInput = z.infer<typeof campaignSchema>;

/** Which submit of the vouchers page posted: a new code (the default) or turning one off. */
export const voucherIntentSchema = z.object({
  intent: z.enum(["create", "disable"]).catch("create"),
});
export const disableVoucherSchema = z.object({
  intent: z.literal("disable"),
  voucherId: z.coerce.number().int().positive(),
});

export const voucherSchema = z
  .object({
    intent: z.literal("create").optional(),
    code: z
      .string(required)
      .transform((v) => v.trim().toUpperCase())
      .pipe(z.string().regex(VOUCHER_CODE, message("voucher.error.code"))),
    kind: z.enum(["percent", "fixed"], {
      errorMap: () => ({ message: message("form.required") }),
    }),
    percent,
    capVnd: optionalMoney("campaign.error.money"),
    amountVnd: optionalMoney("campaign.error.money"),
    minOrderVnd: optionalMoney("campaign.error.money"),
    totalUses: uses(100_000),
    perBuyer: uses(100),
    startsOn: date,
    endsOn: date,
  })
  .superRefine(checkTerms)
  .transform(keptTerms);
export type VoucherInput = z.infer<typeof voucherSchema>;
