import { createContext, useContext } from "react";

/** The page's CSP nonce, given by entry.server to the scripts root renders; undefined in the browser. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
