// @vitest-environment happy-dom
/**
 * The popup in happy-dom against a fake browser whose tab answers only when
 * the test says so: a page still starting (waiting for its card bundle)
 * answers "get-annotations" late, and answers can arrive out of order.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../shared/fake-browser.ts';
import type { AnnotationsReply, BackgroundRequest, PageAnnotation } from '../../../src/shared/messages.ts';

const TAB_ID = 7;
const TAB_URL = 'https://news.example/world/story.html';

/** A question to the tab, answered when the test calls `answer`. */
interface Question {
  message: unknown;
  answer(annotations: PageAnnotation[]): void;
}

function fakePopupBrowser() {
  const questions: Question[] = [];
  const messageListeners: Array<(message: unknown, sender: { tab?: { id?: number } }) => unknown> = [];
  const noListeners = { addListener: () => undefined, removeListener: () => undefined };
  return {
    ...fakeBrowser(),
    questions,
    messageListeners,
    i18n: { getMessage: () => '' },
    tabs: {
      query: async () => [{ id: TAB_ID, url: TAB_URL }],
      sendMessage: (_tabId: number, message: unknown) =>
        new Promise<AnnotationsReply>((resolve) => {
          questions.push({ message, answer: (annotations) => resolve({ type: 'annotations', url: TAB_URL, annotations }) });
        }),
    },
    runtime: {
      getURL: (path: string) => `chrome-extension://test/${path}`,
      onMessage: { addListener: (listener: (typeof messageListeners)[number]) => messageListeners.push(listener) },
      openOptionsPage: vi.fn(async () => undefined),
    },
    permissions: {
      contains: async () => false,
      request: vi.fn(async () => false),
      remove: async () => true,
      onAdded: noListeners,
      onRemoved: noListeners,
    },
    commands: { getAll: async () => [{ name: '_execute_action', shortcut: 'Alt+B' }] },
  };
}

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof fakePopupBrowser> }));
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_, key) => (fake.browser as Record<string | symbol, unknown>)[key] }) }));
// No outlet known: "About this site" stays hidden.
vi.mock('../../../src/shared/bundled-dataset.ts', () => ({ bundledSummary: () => ({ entryCount: 0, outlets: [] }) }));

/** The popup page's body (its head only links the stylesheet, which happy-dom does not load). */
const POPUP_BODY = /<body[\s\S]*<\/body>/.exec(readFileSync(resolve(import.meta.dirname, '../../../src/popup/popup.html'), 'utf8'))![0];

/** Opens the popup: its page, then its script (which starts on import). */
async function openPopup(): Promise<void> {
  const parsed = new DOMParser().parseFromString(POPUP_BODY, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove(); // imported below instead
  document.body.replaceWith(document.importNode(parsed.body, true));
  vi.resetModules();
  await import('../../../src/popup/popup.ts');
}

const entry = (id: string): PageAnnotation => ({ id, name: id, category: 'people', count: 1 });
const listedIds = () => [...document.querySelectorAll<HTMLElement>('#page-groups button.entry')].map((button) => button.dataset.id);
/** The page's reports of its count, as the background passes them on. */
const pageReports = (count: number) => {
  const report: BackgroundRequest = { type: 'annotation-count', count };
  for (const listener of fake.browser.messageListeners) listener(report, { tab: { id: TAB_ID } });
};

beforeEach(() => {
  fake.browser = fakePopupBrowser();
});

describe('popup', () => {
  it('lists the shortcuts, opens Options and asks for all sites while the page has not answered yet', async () => {
    await openPopup();
    await vi.waitFor(() => expect(fake.browser.questions).toHaveLength(1));
    // The page is still starting: no answer.
    await vi.waitFor(() => expect(document.querySelectorAll('#shortcuts kbd')).toHaveLength(1));
    expect(document.querySelector('#shortcuts kbd')!.textContent).toBe('Alt+B');

    document.querySelector<HTMLButtonElement>('#open-options')!.click();
    expect(fake.browser.runtime.openOptionsPage).toHaveBeenCalledTimes(1);

    const allSites = document.querySelector<HTMLInputElement>('#all-sites')!;
    allSites.checked = true;
    allSites.dispatchEvent(new Event('change'));
    expect(fake.browser.permissions.request).toHaveBeenCalledTimes(1);
    expect(document.body.dataset.ready).toBeUndefined();

    // The page answers at last: its list shows, and the popup is ready.
    fake.browser.questions[0]!.answer([entry('pat-ryder')]);
    await vi.waitFor(() => expect(document.body.dataset.ready).toBe(''));
    expect(listedIds()).toEqual(['pat-ryder']);
  });

  it('keeps the newer list when an older answer of the page arrives after it', async () => {
    await openPopup();
    await vi.waitFor(() => expect(fake.browser.messageListeners).toHaveLength(1));
    // The page re-annotated (it grew) while the first question was waiting: the popup asks again.
    pageReports(2);
    expect(fake.browser.questions).toHaveLength(2);
    const [older, newer] = fake.browser.questions;
    newer!.answer([entry('pat-ryder'), entry('john-kirby')]);
    await vi.waitFor(() => expect(listedIds()).toEqual(['pat-ryder', 'john-kirby']));

    older!.answer([entry('pat-ryder')]);
    await vi.waitFor(() => expect(document.body.dataset.ready).toBe(''));
    expect(listedIds()).toEqual(['pat-ryder', 'john-kirby']);
  });

  it('says so when storage refuses a change, and shows what is stored again', async () => {
    await openPopup();
    const badge = document.querySelector<HTMLInputElement>('#badge')!;
    await vi.waitFor(() => expect(badge.checked).toBe(true));
    fake.browser.storage.sync.refusing = { removals: false };
    fake.browser.storage.local.refusing = { removals: false };
    badge.checked = false;
    badge.dispatchEvent(new Event('change'));
    // The key stands for the text here (this fake browser has no messages).
    await vi.waitFor(() => expect(document.querySelector('#status')!.textContent).toBe('settingsNotSaved'));
    expect(badge.checked).toBe(true);
  });
});
