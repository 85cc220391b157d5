declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address as the server saw it (absent under the Vite dev server). */
    clientIp?: string;
  }
}

export {};
