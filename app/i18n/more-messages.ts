import { addMessages } from "./translate";
import { viMore } from "./vi-more";

// Imported for its effect by the portal, checkout, order and staff routes (see vi-more.ts).
addMessages(viMore);
