// The one source of Remix settings. vite.config.ts passes these options to the Remix Vite plugin
// (see docs/decisions/0001-remix-config-with-vite.md). Only keys the Vite plugin understands belong here.
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};
