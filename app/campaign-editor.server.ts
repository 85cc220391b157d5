import { getZodConstraint } from "@conform-to/zod";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { staffProvince } from "~/domain/accounts/staff.server";
import { provinceOptions } from "~/domain/catalog/places.server";
import { campaignSchema } from "~/domain/promotions/promotion-forms";
import { addDays, todayInVietnam } from "~/domain/shared/dates";
import type { Language } from "~/i18n/translate";
import type { CampaignDefaults } from "~/components/campaign-form";
import type { campaignForStaff } from "~/domain/promotions/campaigns.server";

/** What the campaign editor's page needs: the scopes the staff member may choose, the form's constraints and its starting values. */
export function campaignEditor(staff: SessionUser, lang: Language, existing: ReturnType<typeof campaignForStaff> | null) {
  const province = staffProvince(staff);
  const provinces = provinceOptions(lang).map(({ code, name }) => ({ value: code, label: name }));
  const scopes = province === null ? [{ value: "national", label: "" }, ...provinces] : provinces.filter((p) => p.value === province);
  const today = todayInVietnam();
  const text = (n: number | null) => (n === null ? "" : String(n));
  const defaults: CampaignDefaults = existing
    ? {
        title: existing.campaign.title,
        slug: existing.campaign.slug,
        description: existing.campaign.description,
        startsOn: existing.campaign.startsOn,
        endsOn: existing.campaign.endsOn,
        scope: existing.campaign.provinceCode ?? "national",
        kind: existing.campaign.kind,
        percent: text(existing.campaign.percent),
        capVnd: text(existing.campaign.capVnd),
        amountVnd: text(existing.campaign.amountVnd),
        minOrderVnd: text(existing.campaign.minOrderVnd),
        budgetVnd: text(existing.campaign.budgetVnd),
        producers: existing.producers.join("\n"),
        products: existing.products.join("\n"),
      }
    : {
        title: "",
        slug: "",
        description: "",
        startsOn: today,
        endsOn: addDays(today, 14),
        scope: province ?? "national",
        kind: "percent",
        percent: "10",
        capVnd: "",
        amountVnd: "",
        minOrderVnd: "0",
        budgetVnd: "",
        producers: "",
        products: "",
      };
  return { scopes, defaults, constraint: getZodConstraint(campaignSchema) };
}
