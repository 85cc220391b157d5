import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface ManifestRoute {
  /** Remix's route id, e.g. `routes/staff.certificates.$id`. */
  id: string;
  /** The URL pattern, parents' paths included, e.g. `/products/:slug/qr.svg`. */
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
  /** Whether it renders a page (a default export), as opposed to a resource route. */
  hasComponent: boolean;
}

/**
 * The routes of the production build (`build/server/index.js`, its `routes` export), read in a
 * separate Node process so the test process neither transforms nor runs the server bundle's modules.
 */
export function productionRoutes(buildFile = "build/server/index.js"): ManifestRoute[] {
  const script = `
    const { routes } = await import(${JSON.stringify(pathToFileURL(path.resolve(buildFile)).href)});
    const out = Object.values(routes).map((r) => ({
      id: r.id, parentId: r.parentId ?? null, path: r.path ?? "",
      hasLoader: typeof r.module.loader === "function", hasAction: typeof r.module.action === "function",
      hasComponent: typeof r.module.default === "function",
    }));
    process.stdout.write(JSON.stringify(out));
  `;
  const raw = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as {
    id: string;
    parentId: string | null;
    path: string;
    hasLoader: boolean;
    hasAction: boolean;
    hasComponent: boolean;
  }[];
  const byId = new Map(raw.map((r) => [r.id, r]));
  const patternOf = (id: string): string => {
    const route = byId.get(id)!;
    const parent = route.parentId ? patternOf(route.parentId) : "";
    return route.path ? `${parent.replace(/\/$/, "")}/${route.path}` : parent || "/";
  };
  return raw.map(({ id, hasLoader, hasAction, hasComponent }) => ({ id, pattern: patternOf(id), hasLoader, hasAction, hasComponent }));
}
