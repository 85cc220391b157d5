import { en } from "~/i18n/en";
import type { Language } from "~/i18n/translate";
import { translator } from "~/i18n/translate";
import { vi } from "~/i18n/vi";
import { viMore } from "~/i18n/vi-more";
import { toCsv } from "../reports/csv";
import type { PortalActor } from "../producers/portal-actor.server";
import { salesOfMonth } from "./stalls.server";

/** Vietnam's wall clock for a moment, as a spreadsheet reads it: "2026-12-03 14:05". */
function vietnamTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms + 7 * 60 * 60 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** The month's sales as CSV: one row per sale, whatever became of it, with who made it. */
export function salesCsv(actor: PortalActor, month: string, lang: Language): string {
  const t = translator(lang === "en" ? en : { ...vi, ...viMore });
  const rows = salesOfMonth(actor, month).map((s) => [
    s.code,
    vietnamTime(s.createdAt),
    vietnamTime(s.paidAt),
    s.method,
    s.status,
    s.amountVnd,
    s.marketName,
    s.createdBy,
    s.confirmedBy,
    s.cancelReason,
  ]);
  return toCsv(
    [t("stall.col.code"), t("stall.col.createdAt"), t("stall.col.paidAt"), t("stall.col.method"), t("stall.col.status"), t("stall.col.amount"), t("stall.col.market"), t("stall.col.madeBy"), t("stall.col.confirmedBy"), t("stall.col.cancelReason")],
    rows,
  );
}
