import type { MetaDescriptor } from "@remix-run/node";

/** Title, description, canonical link and Open Graph tags for a page, as Remix meta descriptors. */
export function pageMeta({
  title,
  description,
  url,
  image,
  type = "website",
  noindex = false,
}: {
  title: string;
  description: string;
  url: string;
  image?: string;
  type?: "website" | "product" | "profile";
  noindex?: boolean;
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
    { property: "og:locale", content: "vi_VN" },
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
  ];
  if (image) meta.push({ property: "og:image", content: image });
  if (noindex) meta.push({ name: "robots", content: "noindex" });
  return meta;
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so text can never close the tag. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
