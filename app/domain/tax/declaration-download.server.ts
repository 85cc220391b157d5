import type { SessionUser } from "../accounts/sessions.server";
import { declarationCsv, declarationFileName, declarationXlsx } from "./declaration-files.server";
import { requestedPeriod } from "./declaration-request";
import { monthlyDeclaration } from "./declarations.server";
import type { MessageKey } from "~/i18n/vi";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A declaration file for `/staff/tax.csv` and `/staff/tax.xlsx`: its body and name, or the error key of a bad month. */
export async function declarationDownload(
  staff: SessionUser,
  params: URLSearchParams,
  format: "csv" | "xlsx",
  t: Translate,
): Promise<{ error: MessageKey } | { body: string | Uint8Array<ArrayBuffer>; fileName: string }> {
  const asked = requestedPeriod(params);
  if (asked.error !== null) return { error: asked.error };
  const declaration = monthlyDeclaration(staff, asked.period);
  return {
    body: format === "csv" ? declarationCsv(declaration, t) : new Uint8Array(await declarationXlsx(declaration, t)),
    fileName: declarationFileName(declaration, format),
  };
}
