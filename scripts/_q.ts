import { searchCatalog } from "~/domain/catalog/catalog.server";
import { featuredCollections, newestCertified, publicProductCounts, productBySlug, relatedProducts } from "~/domain/catalog/storefront.server";
import { getDb } from "~/db/client.server";
const base = { q: "", inStock: false, sort: "relevance" as const, page: 1 };
function time(label: string, fn: () => unknown, n = 50) {
  fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(label.padEnd(40), ((performance.now() - t) / n).toFixed(2), "ms");
}
time("catalog default", () => searchCatalog(base));
time("catalog page 7", () => searchCatalog({ ...base, page: 7 }));
time("group food + province 92", () => searchCatalog({ ...base, group: "food", province: "92" }));
time("stars 4 price asc", () => searchCatalog({ ...base, stars: 4, sort: "price_asc" }));
time("province 01 instock newest", () => searchCatalog({ ...base, province: "01", inStock: true, sort: "newest" }));
time("sort stars", () => searchCatalog({ ...base, sort: "stars" }), 10);
time("sort best selling", () => searchCatalog({ ...base, sort: "best_selling" }), 10);
for (const q of ["mat ong", "nuoc mam", "ca phe", "tra", "gao st25", "dac san", "st2", "nuco mam"]) time(`search ${q}`, () => searchCatalog({ ...base, q }), 20);
time("newest certified", () => newestCertified());
time("counts (uncached)", () => getDb().$client.prepare("SELECT p.province_code, p.group_code, count(*) FROM products p WHERE p.status='live' AND p.producer_verified=1 GROUP BY 1,2").all(), 5);
const slug = (getDb().$client.prepare("select slug from products where id = 5000").get() as {slug:string}).slug;
time("product page", () => { const p = productBySlug(slug)!; relatedProducts(p); });
