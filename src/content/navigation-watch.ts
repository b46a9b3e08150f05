/**
 * Notices when a single-page app moves to another article without loading
 * a new document: pushState / replaceState from the page, back and forward.
 *
 * The content script lives in its own JavaScript world, so it cannot wrap
 * the page's `history.pushState`. It listens instead: the Navigation API's
 * `navigatesuccess` (Chromium; Firefox where available) and `popstate`, and
 * `check()` is also called with every batch of page mutations, since an SPA
 * that changes the URL changes the DOM too. A change of the #fragment alone
 * is a jump within the same article, not a navigation, unless the fragment
 * is a route (`#/story/123`, `#!/story/123`, as hash-routed apps write them).
 */
import type { ContentContext } from './context.ts';

interface NavigationLike extends EventTarget {}

export class NavigationWatch {
  #url: string;

  constructor(
    lifetime: ContentContext,
    private readonly onNavigate: () => void,
  ) {
    this.#url = articleUrl(location.href);
    const check = () => this.check();
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    navigation?.addEventListener('navigatesuccess', check, { signal: lifetime.signal });
    window.addEventListener('popstate', check, { signal: lifetime.signal });
    window.addEventListener('hashchange', check, { signal: lifetime.signal });
  }

  /** Calls back if the URL (without its fragment) changed since last time. */
  check(): boolean {
    const url = articleUrl(location.href);
    if (url === this.#url) return false;
    this.#url = url;
    this.onNavigate();
    return true;
  }
}

/** The URL that names the article: without its fragment, unless the fragment is a route. */
export function articleUrl(href: string): string {
  const hash = href.indexOf('#');
  if (hash === -1) return href;
  return /^#!?\//.test(href.slice(hash)) ? href : href.slice(0, hash);
}
