import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [tailwindcss(), remix(remixConfig)],
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: Number(process.env.PORT ?? 3000) },
  // better-sqlite3 and sharp are native: load them from node_modules, never bundle them.
  ssr: { external: ["better-sqlite3", "sharp"] },
  // The storefront's script (app/enhance/storefront.js) must stay a file: a data: URL is no script
  // the CSP allows, and a fingerprinted file is cached a year instead of riding in every page.
  build: { assetsInlineLimit: (file) => (file.endsWith(".js") ? false : undefined) },
});
