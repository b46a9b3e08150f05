/**
 * The card's content for real dataset entries, built in happy-dom with the
 * English messages: everything the issue lists is there, from the data and
 * never from markup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import type { CardEntry } from '../../../src/dataset/bundle.ts';
import type { DatasetHeader } from '../../../src/dataset/types.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const messages = vi.hoisted(() => ({ current: {} as Record<string, { message: string; placeholders?: Record<string, { content: string }> }> }));

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage(key: string, substitutions?: string | string[]) {
        if (key === '@@bidi_dir') return messages.current['@@bidi_dir']?.message ?? 'ltr';
        const entry = messages.current[key];
        if (!entry) return '';
        const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
        return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
          const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
          return subs[Number(content.slice(1)) - 1] ?? '';
        });
      },
    },
  },
}));

const { renderCard } = await import('../../../src/content/card/card-view.ts');
const { datasetEntries } = await import('../../e2e/support/dataset.ts');

// A DOM of its own: happy-dom as the global environment would replace Node's URL, which the dataset tools need.
const document = new Window().document as unknown as Document;
let entries: CardEntry[];
const header: DatasetHeader = { name: 'Test data', version: '2.3.4', date: '2025-06-01', licence: 'CC0', description: 'x' };
const byId = (id: string) => entries.find((e) => e.id === id);
const nameOf = (id: string) => {
  const e = byId(id);
  return e && (e.type === 'claim' ? e.statement : e.name);
};

beforeAll(async () => {
  messages.current = JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8'));
  entries = await datasetEntries();
});

function card(entry: CardEntry, mentions = { count: 3, current: 1 }, canGoBack = false) {
  return renderCard(document, { entry, header, nameOf, mentions, canGoBack, pinned: false });
}

describe('renderCard', () => {
  it('shows an entity: name, kind, summary, dated facts, sources, related by relation', () => {
    const entry = entries.find((e) => e.type === 'entity' && (e.facts?.length ?? 0) > 0 && (e.related?.length ?? 0) > 1 && !e.publisher)!;
    if (entry.type !== 'entity') throw new Error('expected an entity');
    const el = card(entry);
    expect(el.getAttribute('role')).toBe('dialog');
    expect(el.getAttribute('aria-label')).toBe(`Backstory: ${entry.name}`);
    expect(el.querySelector('.name')!.textContent).toBe(entry.name);
    expect(el.querySelector('.kind')!.textContent).toBe(messages.current[`kind_${entry.kind.replaceAll('-', '_')}`]!.message);
    expect(el.querySelector('.summary')!.textContent).toBe(entry.summary);
    const facts = [...el.querySelectorAll('.facts dd')].map((dd) => dd.textContent);
    entry.facts!.forEach((fact, i) => expect(facts[i]).toBe(`${fact.value} as of ${fact.asOf}`));
    const sources = [...el.querySelectorAll('.sources .source')];
    entry.sources.forEach((source, i) => {
      const a = sources[i]!.querySelector('a')!;
      expect(a.getAttribute('href')).toBe(source.url);
      expect(a.textContent).toBe(source.title);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toContain('noopener');
      expect(sources[i]!.textContent).toContain(source.publisher);
      if (source.date) expect(sources[i]!.textContent).toContain(source.date);
    });
    const related = [...el.querySelectorAll('.related dt')].map((dt) => dt.textContent);
    const relationTypes = [...new Set(entry.related!.filter((r) => nameOf(r.id)).map((r) => r.type))];
    expect(related).toEqual(relationTypes.map((t) => messages.current[`relation_${t.replaceAll('-', '_')}`]!.message));
    const refs = [...el.querySelectorAll<HTMLButtonElement>('button.ref')].map((b) => b.dataset.ref);
    expect(refs.sort()).toEqual(entry.related!.filter((r) => nameOf(r.id)).map((r) => r.id).sort());
    expect(el.querySelector('.footer .dataset')!.textContent).toBe('Test data 2.3.4, 2025-06-01');
    expect(el.querySelector('.footer .disclaimer')!.textContent).toMatch(/says nothing about whether something is true/);
    expect(el.querySelector('.match-note')).toBeNull();
  });

  it('writes a source line with the UI language\'s punctuation', () => {
    const entry = entries.find((e) => e.sources.some((s) => s.date))!;
    const source = entry.sources.find((s) => s.date)!;
    const line = (el: HTMLElement) => [...el.querySelectorAll('.sources .source')][entry.sources.indexOf(source)]!.textContent;
    expect(line(card(entry))).toBe(`${source.title} — ${source.publisher}, ${source.date}`);
    const english = messages.current;
    try {
      messages.current = JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/ar/messages.json'), 'utf8'));
      expect(line(card(entry))).toBe(`${source.title} — ${source.publisher}، ${source.date}`);
    } finally {
      messages.current = english;
    }
  });

  it('shows a claim: statement, assessment with its meaning, context, each perspective with sources', () => {
    const entry = entries.find((e) => e.type === 'claim' && e.perspectives.length >= 2)!;
    if (entry.type !== 'claim') throw new Error('expected a claim');
    const el = card(entry);
    const key = entry.assessment.replaceAll('-', '_');
    expect(el.querySelector('.name')!.textContent).toBe(entry.statement);
    expect(el.querySelector('.assessment .label')!.textContent).toBe(messages.current[`assessment_${key}`]!.message);
    expect(el.querySelector('.assessment .meaning')!.textContent).toBe(messages.current[`assessmentMeaning_${key}`]!.message);
    // A claim is found by its words: the card asks the reader to check the passage is the same event.
    expect(el.querySelector('.match-note')!.textContent).toBe(messages.current.cardClaimMatchNote!.message);
    expect(el.querySelector('.context .summary')!.textContent).toBe(entry.context);
    const perspectives = [...el.querySelectorAll('.perspective')];
    expect(perspectives).toHaveLength(entry.perspectives.length);
    entry.perspectives.forEach((p, i) => {
      expect(perspectives[i]!.querySelector('.holder')!.textContent).toBe(p.holder);
      expect(perspectives[i]!.querySelector('.view')!.textContent).toBe(p.view);
      expect([...perspectives[i]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(p.sources.map((s) => s.url));
    });
  });

  it('shows an outlet’s owner, country and funding', () => {
    const entry = entries.find((e) => e.type === 'entity' && e.publisher)!;
    if (entry.type !== 'entity') throw new Error('expected an entity');
    const text = card(entry).querySelector('.publisher')!.textContent!;
    expect(text).toContain(entry.publisher!.owner);
    expect(text).toContain(entry.publisher!.country);
  });

  it('counts mentions and offers next and previous only when there is somewhere to go', () => {
    const entry = entries[0]!;
    const many = card(entry, { count: 4, current: 1 });
    expect(many.querySelector('.mention-count')!.textContent).toBe('Mentions on this page: 4');
    expect(many.querySelector('.mention-position')!.textContent).toBe('2 of 4');
    expect(many.querySelector('[data-action="next-mention"]')).not.toBeNull();
    expect(card(entry, { count: 1, current: 0 }).querySelector('[data-action="next-mention"]')).toBeNull();
    expect(card(entry, { count: 0, current: -1 }).querySelector('.mention-count')!.textContent).toBe('Not mentioned on this page');
  });

  it('offers Back only after following a link, and labels every button', () => {
    expect(card(entries[0]!).querySelector('[data-action="back"]')).toBeNull();
    const el = card(entries[0]!, undefined, true);
    expect(el.querySelector('[data-action="back"]')).not.toBeNull();
    for (const button of el.querySelectorAll('button[data-action]')) expect(button.getAttribute('aria-label')).toBeTruthy();
  });

  it('never turns a non-https source into a link', () => {
    const entry = structuredClone(entries.find((e) => e.type === 'entity')!);
    entry.sources = [{ title: 'Bad', publisher: 'P', url: 'javascript:alert(1)' }];
    const el = card(entry);
    expect(el.querySelector('.sources a')).toBeNull();
    expect(el.querySelector('.sources')!.textContent).toContain('Bad');
  });

  it('lays the card out right to left in a right-to-left UI, with dataset text following its own direction', () => {
    messages.current['@@bidi_dir'] = { message: 'rtl' };
    try {
      const el = card(entries[0]!);
      expect(el.dir).toBe('rtl');
      expect(el.querySelector<HTMLElement>('.summary')!.dir).toBe('auto');
    } finally {
      delete messages.current['@@bidi_dir'];
    }
  });
});
