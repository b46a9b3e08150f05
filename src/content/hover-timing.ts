/**
 * How long the card waits, in a module of its own (no DOM, no browser API)
 * so that the end-to-end tests wait on the same numbers the code uses.
 *
 * INTENT_DELAY_MS: the pointer rests on a mention this long before its card
 * opens (Wikipedia's page previews and 10ten sit in the 150–500 ms range the
 * issue names). GRACE_MS: after the pointer leaves both the mention and the
 * card, the card stays this long, so the pointer can cross the gap onto it.
 */
export const INTENT_DELAY_MS = 250;
export const GRACE_MS = 350;
