/**
 * How long the card tests wait when they check that nothing happens ("the
 * card is still there", "no card opened"). A wait is the only way to see
 * that; it is tied to the delays the code uses rather than picked by hand:
 * twice both delays together, so whatever either would have done has
 * happened, with room for slow frames on a busy machine.
 */
import type { Page } from '@playwright/test';
import { GRACE_MS, INTENT_DELAY_MS } from '../../../src/content/hover-timing.ts';

export const PAST_CARD_DELAYS_MS = 2 * (INTENT_DELAY_MS + GRACE_MS);

/** Waits PAST_CARD_DELAYS_MS by the page's own clock. */
export function waitPastCardDelays(page: Page): Promise<void> {
  return page.evaluate((ms) => new Promise<void>((done) => setTimeout(done, ms)), PAST_CARD_DELAYS_MS);
}
