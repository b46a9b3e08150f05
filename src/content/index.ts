/**
 * Content script entry: small and defensive. It runs only in HTML documents,
 * replaces any older copy of itself, and treats the extension going away as
 * a normal shutdown.
 */
import browser from 'webextension-polyfill';
import { ContentContext, isContextInvalidated } from './context.ts';
import { PageController } from './page-controller.ts';
import { loadSettings, watchSettings } from '../shared/settings.ts';
import { isContentRequest } from '../shared/messages.ts';
import { MARK_START, markTimeline } from './timeline-marks.ts';

markTimeline(MARK_START);

async function main(): Promise<void> {
  if (!(document.documentElement instanceof HTMLHtmlElement) || document.contentType !== 'text/html') return;
  const context = new ContentContext();
  const settings = await loadSettings();
  if (!context.isValid) return;
  const page = new PageController(document, context, settings);

  // Settings changed in the popup or options apply to this tab at once.
  watchSettings((next) => page.updateSettings(next), context.signal);

  const onMessage = (message: unknown) => {
    if (!context.isValid || !isContentRequest(message)) return undefined;
    return page.handleMessage(message);
  };
  browser.runtime.onMessage.addListener(onMessage);
  context.onAbort(() => browser.runtime.onMessage.removeListener(onMessage));
}

main().catch((error: unknown) => {
  if (isContextInvalidated(error)) return;
  console.error('Backstory:', error);
});
