/**
 * Background: the toolbar badge and the keyboard shortcuts. It holds no page
 * data; content scripts report their annotation counts, and shortcuts are
 * forwarded to the active tab's content script.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isBackgroundRequest, type ContentRequest } from '../shared/messages.ts';
import { loadSettings } from '../shared/settings.ts';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isBackgroundRequest(message)) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  return showCount(tabId, message.count);
});

async function showCount(tabId: number, count: number): Promise<void> {
  const { badge } = await loadSettings();
  const text = badge && count > 0 ? String(count) : '';
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}

browser.commands.onCommand.addListener(async (command) => {
  const direction = command === 'next-annotation' ? 'next' : command === 'previous-annotation' ? 'previous' : null;
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: ContentRequest = { type: 'step-annotation', direction };
  await browser.tabs.sendMessage(tab.id, request).catch(() => {
    // No content script on this tab (not a news page, or Backstory is off).
  });
});
