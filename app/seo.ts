import type { MetaDescriptor } from "@remix-run/node";
import { htmlSafeJson } from "~/safe-json";
import { pageCatalog, translator, type Language, type Messages, type Translate } from "./i18n/translate";

/** The route match of the root, whose loader knows the visitor's language. */
export type RootMatch = { root: typeof import("./root").loader };

/** The translate function for a route's meta export, in the language the root loader chose. */
export function metaTranslator(matches: readonly { id: string; data: unknown; handle?: unknown }[]): Translate & { lang: Language } {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Language; messages?: Messages | null } | undefined;
  return Object.assign(translator(pageCatalog(matches, root?.messages)), { lang: root?.lang ?? "vi" });
}

/** Title, description, canonical link and Open Graph tags for a page, as Remix meta descriptors. */
export function pageMeta({
  title,
  description,
  url,
  image,
  type = "website",
  noindex = false,
  lang,
}: {
  title: string;
  description: string;
  url: string;
  image?: string;
  type?: "website" | "product" | "profile";
  noindex?: boolean;
  lang: Language;
}): MetaDescriptor[] {
  const meta: MetaDescriptor[] = [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:site_name", content: "Chợ OCOP" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:type", content: type },
    { property: "og:locale", content: lang === "en" ? "en_US" : "vi_VN" },
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
  ];
  if (image) meta.push({ property: "og:image", content: image });
  if (noindex) meta.push({ name: "robots", content: "noindex" });
  return meta;
}

/** JSON for a `<script type="application/ld+json">`, escaped so text can never close the tag. */
export function jsonLd(data: unknown): string {
  return htmlSafeJson(data);
}
