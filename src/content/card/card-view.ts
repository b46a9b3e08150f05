/**
 * Builds the card's content for one dataset entry. Every piece of dataset
 * text reaches the DOM through textContent; links are only https URLs and
 * open in a new tab without an opener.
 */
import type { CardEntry, ClaimCard, EntityCard } from '../../dataset/bundle.ts';
import type { DatasetHeader, Source } from '../../dataset/types.ts';
import { t } from '../../shared/i18n.ts';

export interface CardContext {
  header: DatasetHeader;
  /** Resolves a related id to a display name, or undefined if unknown. */
  nameOf(id: string): string | undefined;
}

export function renderCard(doc: Document, entry: CardEntry, context: CardContext): HTMLElement {
  const card = el(doc, 'article', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('cardLabel', entry.type === 'claim' ? entry.statement : entry.name));
  card.dataset.entryId = entry.id;
  card.append(entry.type === 'claim' ? claimBody(doc, entry) : entityBody(doc, entry));
  card.append(relatedSection(doc, entry, context));
  card.append(footer(doc, context.header));
  return card;
}

function entityBody(doc: Document, entry: EntityCard): DocumentFragment {
  const body = doc.createDocumentFragment();
  const head = el(doc, 'header', 'head');
  head.append(el(doc, 'span', 'kind', t(`kind_${entry.kind.replaceAll('-', '_')}`)));
  head.append(el(doc, 'h2', 'name', entry.name));
  body.append(head);
  body.append(el(doc, 'p', 'summary', entry.summary));
  if (entry.publisher) {
    const p = entry.publisher;
    body.append(el(doc, 'p', 'publisher', `${p.owner} · ${p.country} · ${p.funding}`));
  }
  if (entry.facts?.length) {
    const section = sectionWithTitle(doc, t('cardFacts'));
    const list = el(doc, 'dl', 'facts');
    for (const fact of entry.facts) {
      list.append(el(doc, 'dt', '', fact.label));
      const dd = el(doc, 'dd', '', fact.value);
      dd.append(' ', el(doc, 'span', 'as-of', t('cardAsOf', fact.asOf)));
      list.append(dd);
    }
    section.append(list);
    body.append(section);
  }
  body.append(sourcesSection(doc, entry.sources, entry.asOf));
  return body;
}

function claimBody(doc: Document, entry: ClaimCard): DocumentFragment {
  const body = doc.createDocumentFragment();
  const head = el(doc, 'header', 'head');
  head.append(el(doc, 'span', 'kind', t('kind_claim')));
  const verdict = el(doc, 'span', `assessment assessment-${entry.assessment}`, t(`assessment_${entry.assessment.replaceAll('-', '_')}`));
  head.append(verdict);
  head.append(el(doc, 'h2', 'name', entry.statement));
  body.append(head);
  const context = sectionWithTitle(doc, t('cardContext'));
  context.append(el(doc, 'p', 'summary', entry.context));
  body.append(context);
  const perspectives = sectionWithTitle(doc, t('cardPerspectives'));
  for (const perspective of entry.perspectives) {
    const item = el(doc, 'div', 'perspective');
    item.append(el(doc, 'strong', 'holder', perspective.holder));
    item.append(el(doc, 'p', '', perspective.view));
    item.append(sourceList(doc, perspective.sources));
    perspectives.append(item);
  }
  body.append(perspectives);
  body.append(sourcesSection(doc, entry.sources, entry.asOf));
  return body;
}

function sourcesSection(doc: Document, sources: readonly Source[], asOf: string): HTMLElement {
  const section = sectionWithTitle(doc, t('cardSources'));
  section.append(sourceList(doc, sources));
  section.append(el(doc, 'p', 'as-of', t('cardAsOf', asOf)));
  return section;
}

function sourceList(doc: Document, sources: readonly Source[]): HTMLElement {
  const list = el(doc, 'ul', 'sources');
  for (const source of sources) {
    const item = el(doc, 'li', '');
    item.append(link(doc, source.url, source.title));
    item.append(el(doc, 'span', 'publisher', ` — ${source.publisher}${source.date ? `, ${source.date}` : ''}`));
    list.append(item);
  }
  return list;
}

function relatedSection(doc: Document, entry: CardEntry, context: CardContext): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const related = (entry.related ?? []).filter((r) => context.nameOf(r.id) !== undefined);
  if (related.length === 0) return fragment;
  const section = sectionWithTitle(doc, t('cardRelated'));
  const groups = new Map<string, string[]>();
  for (const r of related) {
    const names = groups.get(r.type) ?? [];
    names.push(r.id);
    groups.set(r.type, names);
  }
  const list = el(doc, 'dl', 'related');
  for (const [type, ids] of groups) {
    list.append(el(doc, 'dt', '', t(`relation_${type.replaceAll('-', '_')}`)));
    const dd = el(doc, 'dd', '');
    ids.forEach((id, i) => {
      if (i > 0) dd.append(', ');
      const ref = el(doc, 'span', 'ref', context.nameOf(id)!);
      ref.dataset.ref = id;
      dd.append(ref);
    });
    list.append(dd);
  }
  section.append(list);
  fragment.append(section);
  return fragment;
}

function footer(doc: Document, header: DatasetHeader): HTMLElement {
  const foot = el(doc, 'footer', 'footer');
  foot.append(el(doc, 'p', 'dataset', t('cardFooterDataset', [header.name, header.version, header.date])));
  foot.append(el(doc, 'p', 'disclaimer', t('cardFooterDisclaimer')));
  return foot;
}

function sectionWithTitle(doc: Document, title: string): HTMLElement {
  const section = el(doc, 'section', '');
  section.append(el(doc, 'h3', '', title));
  return section;
}

function link(doc: Document, url: string, text: string): HTMLElement {
  if (!/^https:\/\//.test(url)) return el(doc, 'span', '', text);
  const a = el(doc, 'a', '', text) as HTMLAnchorElement;
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
