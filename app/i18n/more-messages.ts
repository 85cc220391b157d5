import type { MessagesHandle } from "./translate";
import { viMore } from "./vi-more";

/**
 * The `handle` of a route whose pages use the portal, checkout, order or staff messages (vi-more.ts):
 * `export const handle = withMoreMessages;` Naming it is what brings the messages, to that route's
 * pages and the pages under it, and keeps them out of the storefront's bundle.
 */
export const withMoreMessages: MessagesHandle = { messages: viMore };
