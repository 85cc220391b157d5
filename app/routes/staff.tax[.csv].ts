import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/domain/accounts/staff.server";
import { declarationDownload } from "~/domain/tax/declaration-download.server";
import { en } from "~/i18n/en";
import { getLanguage } from "~/i18n/language.server";
import { translator } from "~/i18n/translate";
import { vi } from "~/i18n/vi";
import { viMore } from "~/i18n/vi-more";

/** `/staff/tax.csv?month=YYYY-MM`: the month's declaration of tax withheld (Vietnamese headers by default). */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  // A resource route renders no page, so it names its catalog itself.
  const t = translator((await getLanguage(request)) === "en" ? en : { ...vi, ...viMore });
  const file = await declarationDownload(staff, new URL(request.url).searchParams, "csv", t);
  if ("error" in file) return new Response(`${t(file.error)}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
