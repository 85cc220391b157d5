import { PRODUCT_GROUPS } from "./groups";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** sitemap.xml: home, catalog, one page per group, every public product and verified producer, running campaigns. */
export function sitemapXml(
  origin: string,
  entries: { products: { slug: string; updated: number }[]; producers: string[]; campaigns?: { slug: string; updatedAt: number }[] },
): string {
  const urls: string[] = [];
  const add = (path: string, lastmod?: number) =>
    urls.push(
      `<url><loc>${escapeXml(origin + path)}</loc>${
        lastmod ? `<lastmod>${new Date(lastmod).toISOString().slice(0, 10)}</lastmod>` : ""
      }</url>`,
    );
  add("/");
  add("/products");
  for (const group of PRODUCT_GROUPS) add(`/products?group=${group}`);
  for (const p of entries.products) add(`/products/${encodeURIComponent(p.slug)}`, p.updated);
  for (const slug of entries.producers) add(`/producers/${encodeURIComponent(slug)}`);
  for (const c of entries.campaigns ?? []) add(`/campaigns/${encodeURIComponent(c.slug)}`, c.updatedAt);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
