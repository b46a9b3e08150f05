// @vitest-environment happy-dom
/**
 * The page controller following a page that changes, in happy-dom: the
 * stand-in matcher of helpers.ts in place of the dataset, a Highlight API
 * made of Sets (happy-dom has none; the Highlight API renderer is the one
 * that leaves the page's text nodes as they are), and a scheduler whose
 * slices wait while the test holds them, so that a test sees the page
 * between a change and the reading it queued.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Category } from '../../../src/shared/categories.ts';
import type { MatchSession } from '../../../src/matcher/index.ts';

const matcher = vi.hoisted(() => ({
  phrases: {} as Record<string, Category>,
  /** Every block text the matcher was given, in order. */
  scanned: [] as string[],
}));

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test', sendMessage: () => Promise.resolve() } } }));
vi.mock('../../../src/content/dataset.ts', async () => {
  const { phraseSource } = await import('./helpers.ts');
  const source = () => phraseSource(matcher.phrases);
  return {
    isDatasetLoaded: () => true,
    loadDataset: () => Promise.resolve(),
    cardsReady: () => Promise.resolve(),
    getMatcher: () => ({
      session(): MatchSession {
        const session = source().session();
        return {
          scan(blocks: readonly string[]) {
            matcher.scanned.push(...blocks);
            return session.scan(blocks);
          },
        };
      },
    }),
    categoryOfEntry: (entry: number) => source().categoryOf(entry),
    getEntry: () => undefined,
    headerOf: () => undefined,
    findEntryById: () => -1,
    onDatasetChange: () => undefined,
  };
});

const { ContentContext } = await import('../../../src/content/context.ts');
const { PageController } = await import('../../../src/content/page-controller.ts');
const { defaults } = await import('../../../src/shared/settings-schema.ts');
import { frame, setBody } from './helpers.ts';

/** `scheduler.yield`, which the slice scheduler waits on for visible work: open, or held until released. */
class Gate {
  #held = false;
  #waiting: Array<() => void> = [];
  readonly yield = (): Promise<void> => (this.#held ? new Promise((go) => this.#waiting.push(go)) : Promise.resolve());
  hold(): void {
    this.#held = true;
  }
  release(): void {
    this.#held = false;
    for (const go of this.#waiting.splice(0)) go();
  }
}

/** The Highlight API as far as the renderer uses it: a registry of named sets of ranges. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

let gate: Gate;
let context: InstanceType<typeof ContentContext> | undefined;

beforeEach(() => {
  gate = new Gate();
  matcher.scanned = [];
  vi.stubGlobal('scheduler', gate);
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });
});
afterEach(() => {
  context?.abort();
  context = undefined;
  vi.unstubAllGlobals();
});

/** Starts Backstory on the body, with these phrases as the dataset. */
function start(html: string, phrases: Record<string, Category>) {
  setBody(html);
  matcher.phrases = phrases;
  context = new ContentContext();
  return new PageController(document, context, structuredClone(defaults));
}

/** The text of every drawn range, sorted (the reader sees these). */
function drawn(): string[] {
  const texts: string[] = [];
  (CSS.highlights as unknown as Map<string, FakeHighlight>).forEach((highlight, name) => {
    if (name.startsWith('backstory-') && name !== 'backstory-active' && name !== 'backstory-focus') {
      for (const range of highlight) texts.push((range as Range).toString());
    }
  });
  return texts.sort();
}

/** Waits until what is drawn is `texts`. */
async function drawnBecomes(texts: string[]): Promise<void> {
  await vi.waitFor(() => expect(drawn()).toEqual(texts));
}

describe('PageController following page changes', () => {
  it('drops the mentions of text the page rewrote at once, before their block is read again, and finds what the new text holds', async () => {
    // "Pat Ryder" starts in the <i> and runs on into the next text node.
    start('<article><p>The spokesman <i id="name">Pat</i> Ryder spoke in Erbil.</p></article>', {
      'Pat Ryder': 'people',
      Baghdad: 'places',
      Erbil: 'places',
    });
    await drawnBecomes(['Erbil', 'Pat Ryder']);

    gate.hold();
    (document.getElementById('name')!.firstChild as Text).data = 'in Baghdad,';
    await frame();
    // The change is seen and its reading queued, not run: the rewritten
    // mention is gone already (its range would now cover "in Baghdad, Ryder").
    expect(drawn()).toEqual(['Erbil']);

    gate.release();
    await drawnBecomes(['Baghdad', 'Erbil']);
  });

  it('reads a part of the page once when it changes frame after frame while its reading waits in the queue', async () => {
    start('<article><p id="lead">Officials in Baghdad spoke.</p><p>Later, in Erbil.</p></article>', { Baghdad: 'places', Erbil: 'places' });
    await drawnBecomes(['Baghdad', 'Erbil']);
    const lead = document.getElementById('lead')!;
    const readingsOfLead = () => matcher.scanned.filter((text) => text === lead.textContent).length;
    const before = readingsOfLead();

    gate.hold();
    // A class the page toggles as the reader scrolls: a change in each frame.
    for (let i = 0; i < 3; i++) {
      lead.classList.toggle('in-view');
      await frame();
    }
    gate.release();
    // Jobs run in turn: once a change made after these is read, their readings have run.
    const later = document.createElement('p');
    later.textContent = 'Then Mosul.';
    lead.parentElement!.append(later);
    await vi.waitFor(() => expect(matcher.scanned).toContain('Then Mosul.'));
    expect(readingsOfLead() - before).toBe(1);
    expect(drawn()).toEqual(['Baghdad', 'Erbil']);
  });

  it('reads a part whose queued reading a new reading of the page cancelled, when it changes again', async () => {
    const controller = start('<article><p id="lead">Officials in Baghdad spoke.</p></article>', { Baghdad: 'places', Erbil: 'places' });
    await drawnBecomes(['Baghdad']);
    const lead = document.getElementById('lead')!;

    gate.hold();
    lead.classList.add('in-view');
    await frame();
    // The page is read anew (a setting changed, a navigation) before that reading's turn came.
    controller.refresh();
    gate.release();
    await drawnBecomes(['Baghdad']);

    (lead.firstChild as Text).data = 'Officials in Erbil spoke.';
    await drawnBecomes(['Erbil']);
  });
});
