/**
 * Builds the card's DOM for one dataset entry. Every piece of dataset text
 * reaches the DOM through textContent; links are only https URLs and open in
 * a new tab without an opener (src/shared/source-link.ts). The view holds no state: the controller says
 * what to show (which entry, its mentions, whether Back applies) and handles
 * the buttons through their `data-action` and `data-ref` attributes.
 */
import type { CardEntry, ClaimCard, EntityCard } from '../../dataset/bundle.ts';
import type { DatasetHeader, Source } from '../../dataset/types.ts';
import { t, uiDirection } from '../../shared/i18n.ts';
import { sourceLink } from '../../shared/source-link.ts';

export type CardAction = 'back' | 'pin' | 'close' | 'previous-mention' | 'next-mention';

export interface CardModel {
  entry: CardEntry;
  header: DatasetHeader;
  /** A related id's display name, or undefined when the dataset lacks it. */
  nameOf(id: string): string | undefined;
  /** Mentions of this entry on the page, and which one the card points at (-1: none). */
  mentions: { count: number; current: number };
  canGoBack: boolean;
  pinned: boolean;
}

export function renderCard(doc: Document, model: CardModel): HTMLElement {
  const { entry } = model;
  const card = el(doc, 'div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.setAttribute('aria-label', t('cardLabel', displayName(entry)));
  card.dir = uiDirection();
  card.tabIndex = -1;
  card.dataset.entryId = entry.id;
  card.dataset.type = entry.type;
  card.append(toolbar(doc, model));
  const body = el(doc, 'div', 'body');
  body.append(entry.type === 'claim' ? claimBody(doc, entry) : entityBody(doc, entry));
  body.append(mentionsRow(doc, model.mentions));
  body.append(relatedSection(doc, entry, model));
  card.append(body);
  card.append(footer(doc, model.header));
  return card;
}

export function displayName(entry: CardEntry): string {
  return entry.type === 'claim' ? entry.statement : entry.name;
}

function toolbar(doc: Document, model: CardModel): HTMLElement {
  const bar = el(doc, 'div', 'toolbar');
  // The bar doubles as the drag handle of a pinned card.
  bar.title = t('cardDragHint');
  if (model.canGoBack) bar.append(button(doc, 'back', '←', t('cardBack'), 'back'));
  bar.append(el(doc, 'span', 'brand', t('extensionName')));
  const pin = button(doc, 'pin', '', model.pinned ? t('cardUnpin') : t('cardPin'), 'pin');
  pin.append(pinIcon(doc));
  pin.setAttribute('aria-pressed', String(model.pinned));
  bar.append(pin);
  bar.append(button(doc, 'close', '✕', t('cardClose'), 'close'));
  return bar;
}

function entityBody(doc: Document, entry: EntityCard): DocumentFragment {
  const body = doc.createDocumentFragment();
  const head = el(doc, 'div', 'head');
  head.append(el(doc, 'span', 'kind', t(`kind_${entry.kind.replaceAll('-', '_')}`)));
  head.append(dataText(doc, 'h2', 'name', entry.name));
  body.append(head);
  body.append(dataText(doc, 'p', 'summary', entry.summary));
  if (entry.publisher) {
    const p = entry.publisher;
    const list = el(doc, 'dl', 'publisher');
    list.append(el(doc, 'dt', '', t('cardOwner')), dataText(doc, 'dd', '', p.owner));
    list.append(el(doc, 'dt', '', t('cardCountry')), dataText(doc, 'dd', '', p.country));
    list.append(el(doc, 'dt', '', t('cardFunding')), el(doc, 'dd', '', t(`funding_${p.funding.replaceAll('-', '_')}`)));
    body.append(list);
  }
  if (entry.facts?.length) {
    const section = sectionWithTitle(doc, 'facts', t('cardFacts'));
    const list = el(doc, 'dl', 'facts');
    for (const fact of entry.facts) {
      list.append(dataText(doc, 'dt', '', fact.label));
      const dd = dataText(doc, 'dd', '', fact.value);
      dd.append(' ', asOf(doc, fact.asOf));
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
  const head = el(doc, 'div', 'head');
  head.append(el(doc, 'span', 'kind', t('kind_claim')));
  head.append(dataText(doc, 'h2', 'name', entry.statement));
  body.append(head);
  const key = entry.assessment.replaceAll('-', '_');
  const assessment = el(doc, 'p', `assessment assessment-${entry.assessment}`);
  assessment.append(el(doc, 'span', 'label', t(`assessment_${key}`)));
  // One line on what the label means on the scale, so a reader never has to guess.
  assessment.append(' ', el(doc, 'span', 'meaning', t(`assessmentMeaning_${key}`)));
  body.append(assessment);
  // A claim is found by its words, not its date or actors: the reader checks that the passage is this event.
  body.append(el(doc, 'p', 'match-note', t('cardClaimMatchNote')));
  const context = sectionWithTitle(doc, 'context', t('cardContext'));
  context.append(dataText(doc, 'p', 'summary', entry.context));
  body.append(context);
  const perspectives = sectionWithTitle(doc, 'perspectives', t('cardPerspectives'));
  for (const perspective of entry.perspectives) {
    const item = el(doc, 'div', 'perspective');
    item.append(dataText(doc, 'p', 'holder', perspective.holder));
    item.append(dataText(doc, 'p', 'view', perspective.view));
    item.append(sourceList(doc, perspective.sources));
    perspectives.append(item);
  }
  body.append(perspectives);
  body.append(sourcesSection(doc, entry.sources, entry.asOf));
  return body;
}

function sourcesSection(doc: Document, sources: readonly Source[], date: string): HTMLElement {
  const section = sectionWithTitle(doc, 'sources', t('cardSources'));
  section.append(sourceList(doc, sources));
  const note = el(doc, 'p', 'entry-as-of');
  note.append(asOf(doc, date));
  section.append(note);
  return section;
}

function sourceList(doc: Document, sources: readonly Source[]): HTMLElement {
  const list = el(doc, 'ul', 'sources');
  for (const source of sources) {
    const item = el(doc, 'li', 'source');
    item.dir = 'auto';
    const title = sourceLink(doc, source.url, source.title);
    title.className = 'source-title';
    item.append(title);
    // The punctuation is the UI language's (Arabic has its own comma); the
    // spaces stay here, where no translation tool can trim them.
    item.append(` ${t('cardSourcePublisher')} `, el(doc, 'span', 'publisher-name', source.publisher));
    if (source.date) item.append(`${t('listSeparator')} `, time(doc, source.date));
    list.append(item);
  }
  return list;
}

function mentionsRow(doc: Document, mentions: CardModel['mentions']): HTMLElement {
  const row = el(doc, 'div', 'mentions');
  if (mentions.count === 0) {
    row.append(el(doc, 'span', 'mention-count', t('cardNotOnPage')));
    return row;
  }
  row.append(el(doc, 'span', 'mention-count', t('cardMentions', String(mentions.count))));
  if (mentions.count > 1 || mentions.current === -1) {
    const nav = el(doc, 'span', 'mention-nav');
    nav.append(button(doc, 'previous-mention', '‹', t('cardPreviousMention'), 'previous-mention'));
    const position = mentions.current === -1 ? '' : t('cardMentionPosition', [String(mentions.current + 1), String(mentions.count)]);
    nav.append(el(doc, 'span', 'mention-position', position));
    nav.append(button(doc, 'next-mention', '›', t('cardNextMention'), 'next-mention'));
    row.append(nav);
  }
  return row;
}

function relatedSection(doc: Document, entry: CardEntry, model: CardModel): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const groups = new Map<string, string[]>();
  for (const r of entry.related ?? []) {
    if (model.nameOf(r.id) === undefined) continue;
    groups.set(r.type, [...(groups.get(r.type) ?? []), r.id]);
  }
  if (groups.size === 0) return fragment;
  const section = sectionWithTitle(doc, 'related', t('cardRelated'));
  const list = el(doc, 'dl', 'related');
  for (const [type, ids] of groups) {
    list.append(el(doc, 'dt', '', t(`relation_${type.replaceAll('-', '_')}`)));
    const dd = el(doc, 'dd', '');
    const refs = el(doc, 'ul', 'refs');
    for (const id of ids) {
      const item = el(doc, 'li', '');
      // A button: it opens the entry in this card, it goes nowhere.
      const ref = el(doc, 'button', 'ref', model.nameOf(id)!) as HTMLButtonElement;
      ref.type = 'button';
      ref.dir = 'auto';
      ref.dataset.ref = id;
      item.append(ref);
      refs.append(item);
    }
    dd.append(refs);
    list.append(dd);
  }
  section.append(list);
  fragment.append(section);
  return fragment;
}

function footer(doc: Document, header: DatasetHeader): HTMLElement {
  const foot = el(doc, 'div', 'footer');
  foot.append(el(doc, 'p', 'dataset', t('cardFooterDataset', [header.name, header.version, header.date])));
  foot.append(el(doc, 'p', 'disclaimer', t('cardFooterDisclaimer')));
  return foot;
}

function sectionWithTitle(doc: Document, name: string, title: string): HTMLElement {
  const section = el(doc, 'section', name);
  section.append(el(doc, 'h3', '', title));
  return section;
}

/** "as of 2023-10", with the date marked up as a <time> wherever the language puts it. */
function asOf(doc: Document, date: string): HTMLElement {
  const span = el(doc, 'span', 'as-of');
  const text = t('cardAsOf', date);
  const at = text.indexOf(date);
  if (at === -1) span.textContent = text;
  else span.append(text.slice(0, at), time(doc, date), text.slice(at + date.length));
  return span;
}

function time(doc: Document, date: string): HTMLElement {
  const element = el(doc, 'time', '', date);
  element.setAttribute('datetime', date);
  return element;
}

function button(doc: Document, action: CardAction, symbol: string, label: string, className: string): HTMLButtonElement {
  const b = el(doc, 'button', className, symbol) as HTMLButtonElement;
  b.type = 'button';
  b.dataset.action = action;
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A push-pin, drawn rather than an emoji: emoji fonts are missing on many systems. */
function pinIcon(doc: Document): SVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '1em');
  svg.setAttribute('height', '1em');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M5 1h6v1.5l-1 1V7l2.5 2.5V11H8.75v3.5L8 16l-.75-1.5V11H3.5V9.5L6 7V3.5l-1-1z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

/** Dataset text is English whatever the UI language: its direction follows its own letters. */
function dataText(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const element = el(doc, tag, className, text);
  element.dir = 'auto';
  return element;
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
