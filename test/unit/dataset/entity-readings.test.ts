/**
 * Names the real dataset knows, read in the contexts where news pages put
 * them. Each case was a wrong or a missed highlight seen on a real page (the
 * shared corpus) or in wire-style copy written for this test; the matcher's
 * own rules are unit-tested in test/unit/matcher, and this checks that the
 * dataset's aliases, gates and case settings bring them into play.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBundle, patternSet } from '../../../src/dataset/bundle.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { loadMatcher } from '../../../tools/data/matcher-api.ts';
import { scanPage } from '../../../tools/data/page-coverage.ts';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));

/** A page (blocks), and what must be read in it: [matched text, entity id], in order. */
const READINGS: Array<[string[], Array<[string, string]>]> = [
  // A child named Jordan on a page that mentions Syria (yahoo-2).
  [['Fighting in Syria went on.', 'Police said so. Jaden Jordan, 3, is in critical condition.'], [['Syria', 'syria']]],
  // Family members of people the dataset knows (breitbart, bug-1255978).
  [
    ['Donald Trump and Barack Obama met.', 'Chelsea Handler will not interview Melania Trump, 7 hours ago', 'Michelle Obama was called names by officials.'],
    [
      ['Donald Trump', 'donald-trump'],
      ['Barack Obama', 'barack-obama'],
    ],
  ],
  // A surname that is also an English word, in lower case.
  [
    ['Donald Trump spoke. Security concerns trump economic ones, Trump said.'],
    [
      ['Donald Trump', 'donald-trump'],
      ['Trump', 'donald-trump'],
    ],
  ],
  // The language menu of a page (ehow-1).
  [['Ad Choices en-US'], []],
  // A dateline names the city, not the government; later in the story Washington is the government.
  [
    ['WASHINGTON (Reuters) - Iran denied any role.', 'Tehran said Washington was to blame.'],
    [
      ['Reuters', 'reuters'],
      ['Iran', 'iran'],
      ['Tehran', 'tehran'],
      ['Washington', 'us-government'],
    ],
  ],
  // Other members of a family the dataset names.
  [
    ['Mohammed bin Salman met Bashar al-Assad.', 'Defence Minister Khalid bin Salman was there; President Assad thanked him.'],
    [
      ['Mohammed bin Salman', 'mohammed-bin-salman'],
      ['Bashar al-Assad', 'bashar-al-assad'],
      ['President Assad', 'bashar-al-assad'],
    ],
  ],
  // A title and the surname before any full name on the page (bbc-1, nytimes-4).
  [
    ['Media caption Mr Obama told the BBC of his frustration.', 'Mr. Trump has called for spending $1 trillion, the Obama administration said.'],
    [
      ['Mr Obama', 'barack-obama'],
      ['BBC', 'bbc-news'],
      ['Mr. Trump', 'donald-trump'],
      ['Obama administration', 'us-government'],
    ],
  ],
  // Place words after a place are the place itself; a byline's Washington is the city (bbc-1, wapo).
  [
    ['Syrian refugees crossed into Jordan near Mafraq, Jordan.', 'Turkish forces entered the Afrin region of Syria.', 'Iran warned of strikes.', 'Comments about Washington area sports', 'Analysis: Jon Sopel, BBC News, Washington'],
    [
      ['Syrian refugees', 'syrian-refugee-crisis'],
      ['Jordan', 'jordan'],
      ['Jordan', 'jordan'],
      ['Afrin', 'afrin'],
      ['Syria', 'syria'],
      ['Iran', 'iran'],
      ['BBC News', 'bbc-news'],
    ],
  ],
  // A title with the surname is someone else of the family where nothing on the page points at the president.
  [['Eric Trump, the son, said the company would grow. Mr Trump said so again.', 'Malik Obama, the half-brother, spoke. Mr Obama said more.'], []],
  // 9/11 as a score or a date is no attack, even on a page about a war.
  [['In wartime the score was 9/11 on 9/11/1944.'], []],
  // The Telegraph without its article, on a British page (telegraph-1); the Belfast Telegraph is another paper.
  [['Listen to today’s essential news from the Telegraph in London.', 'The Belfast Telegraph reported it too.'], [['Telegraph', 'the-daily-telegraph']]],
  // The department with the country in front (wikipedia-2), and 9/11 where the page speaks of its aftermath (aclu).
  [
    ['Report by the U.S. Department of State.', 'He was blacklisted after 9/11, in the post-9/11 years.'],
    [
      ['U.S. Department of State', 'us-state-department'],
      ['9/11', 'september-11-attacks'],
      ['9/11', 'september-11-attacks'],
    ],
  ],
];

describe('entities read in context, with the real dataset', async () => {
  const matcher = await loadMatcher();
  const loaded = await loadDataset(DATA);

  it('are read as each page means them', () => {
    if (!matcher.ok) throw new Error(`the matcher must load: ${matcher.reason}`);
    const { api } = matcher;
    const m = api.Matcher.load(api.compileIndex(patternSet(loaded.dataset, loaded.hash)).bytes);
    const entries = makeBundle(loaded.dataset, loaded.hash).entries;
    for (const [blocks, wanted] of READINGS) {
      const read = scanPage(m, blocks)
        .filter((x) => entries[x.entry]!.type === 'entity')
        .map((x) => [blocks[x.block]!.slice(x.start, x.end), entries[x.entry]!.id]);
      expect(read, blocks.join(' | ')).toEqual(wanted);
    }
  });
});
