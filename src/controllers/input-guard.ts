/**
 * OK presses this soon after the catalog appeared are ignored (an OK meant for the previous screen must
 * not start playback). Its own module, free of SDK imports, so browser journeys and the conformance
 * phase (Node) wait exactly this long before pressing OK on a fresh catalog.
 */
export const INPUT_GUARD_MS = 400;
