import type { LoaderFunctionArgs } from "@remix-run/node";
import { TEMPLATE_HEADER } from "~/domain/catalog/bulk-import";
import { requirePortalActor } from "~/domain/producers/portal-actor.server";

// A BOM so Excel opens the UTF-8 Vietnamese text correctly.
const TEMPLATE = `\uFEFF${[
  TEMPLATE_HEADER.join(","),
  'Mật ong hoa tràm U Minh,Thực phẩm,chai,150.000,40,450,"Mật ong rừng tràm, khai thác tự nhiên.",Chai 250 ml,',
  "Mật ong hoa tràm U Minh,Thực phẩm,chai,250.000,30,800,,Chai 500 ml,",
  "Trà sen Tháp Mười,Đồ uống,hộp,120.000,25,200,Trà ướp sen thủ công.,,",
].join("\r\n")}\r\n`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePortalActor(request);
  return new Response(TEMPLATE, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="mau-san-pham.csv"' },
  });
}
