/**
 * "On this page": the entries the content script found in the tab, grouped
 * by category with counts. Clicking one asks the page to scroll to it and
 * open its card (the `reveal-annotation` message).
 */
import { CATEGORIES } from '../shared/categories.ts';
import { t } from '../shared/i18n.ts';
import type { PageAnnotation } from '../shared/messages.ts';

export function renderPageList(container: HTMLElement, annotations: readonly PageAnnotation[], onPick: (id: string) => void): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  for (const category of CATEGORIES) {
    const items = annotations.filter((a) => a.category === category);
    if (items.length === 0) continue;
    const group = doc.createElement('div');
    group.className = 'group';
    group.dataset.category = category;
    const title = doc.createElement('h3');
    title.append(t(`category_${category}`), ' ');
    const count = doc.createElement('span');
    count.className = 'count';
    count.textContent = String(items.length);
    title.append(count);
    group.append(title);
    const list = doc.createElement('ul');
    list.className = 'entries';
    for (const item of items) {
      const li = doc.createElement('li');
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'entry';
      button.dataset.id = item.id;
      const name = doc.createElement('span');
      name.className = 'entry-name';
      name.dir = 'auto';
      name.textContent = item.name;
      button.append(name);
      const mentions = doc.createElement('span');
      mentions.className = 'mentions';
      mentions.textContent = t('popupMentionCount', String(item.count));
      button.append(mentions);
      button.addEventListener('click', () => onPick(item.id));
      li.append(button);
      list.append(li);
    }
    group.append(list);
    container.append(group);
  }
}
