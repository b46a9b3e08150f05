import { describe, expect, it } from 'vitest';
import { Matcher, compileIndex } from '../../../src/matcher/index.ts';
import { matcherFor, patternSet, scanPairs, show, textsOf } from './helpers.ts';

const m = matcherFor([
  ['Conoco Gas Field', { text: 'Conoco', requires: ['Syria', 'Deir ez-Zor'] }],
  ['ConocoPhillips'],
  ['Pat Ryder', { text: 'Ryder', afterFullName: true }],
  ['Syria'],
  // A full name that is itself gated.
  [{ text: 'Tanf', requires: ['Syria'] }, { text: 'Garrison', afterFullName: true, case: 'proper' }],
]);

describe('requires', () => {
  it('counts an alias when a context term comes earlier or later in the same scan', () => {
    expect(textsOf(m, 0, 'Explosions in Syria, near Conoco.')).toEqual(['Conoco']);
    expect(textsOf(m, 0, 'Explosions near Conoco.', 'The site lies in Deir ez-Zor province.')).toEqual(['Conoco']);
    expect(textsOf(m, 0, 'Explosions near Conoco were heard in Deir el Zor.')).toEqual([]);
  });

  it('does not count it without context', () => {
    expect(textsOf(m, 0, 'Conoco shares rose on Friday.')).toEqual([]);
  });

  it('never lets a closed gate hide a longer ungated name', () => {
    expect(textsOf(m, 0, 'The Conoco Gas Field was shelled.')).toEqual(['Conoco Gas Field']);
  });

  it('uses context from earlier batches of the same session', () => {
    const session = m.session();
    expect(session.scan(['Reports from Syria.']).matches.map((x) => x.entry)).toEqual([3]);
    const second = ['A pipeline near Conoco was hit.'];
    const result = session.scan(second);
    expect(show(second, result.matches)).toEqual([{ entry: 0, text: 'Conoco', block: 0 }]);
    expect(result.revisit).toBe(false);
  });

  it('asks for a revisit when a later batch opens a gate an earlier batch needed', () => {
    const session = m.session();
    const first = session.scan(['A pipeline near Conoco was hit.']);
    expect(first.matches).toEqual([]);
    expect(first.revisit).toBe(false);
    const second = session.scan(['The attack was in eastern Syria.']);
    expect(second.revisit).toBe(true);
    // A third batch with the same context asks nothing more.
    expect(session.scan(['More from Syria.']).revisit).toBe(false);
    // The fresh rescan the caller then makes finds the alias.
    const page = ['A pipeline near Conoco was hit.', 'The attack was in eastern Syria.'];
    expect(show(page, m.session().scan(page).matches).map((f) => f.text)).toEqual(['Conoco', 'Syria']);
  });

  it('a session opened knowing another counts its context terms from the first batch', () => {
    const first = m.session();
    first.scan(['A pipeline near Conoco was hit.']);
    expect(first.scan(['The attack was in eastern Syria.']).revisit).toBe(true);
    const again = m.session(first);
    const before = ['A pipeline near Conoco was hit.'];
    const result = again.scan(before);
    expect(show(before, result.matches).map((f) => f.text)).toEqual(['Conoco']);
    expect(result.revisit).toBe(false);
    // Without it, the same first batch finds nothing.
    expect(m.session().scan(before).matches).toEqual([]);
  });

  it('a session opened knowing another takes a copy: what it sees later stays its own', () => {
    const first = m.session();
    first.scan(['Shelling in Deir ez-Zor.']);
    const again = m.session(first);
    again.scan(['News from Syria.']);
    // Tanf needs Syria, which only the second session saw.
    expect(first.scan(['Tanf is remote.']).matches).toEqual([]);
    expect(again.scan(['Tanf is remote.']).matches).toHaveLength(1);
  });

  it('does not ask for a revisit when nothing was waiting', () => {
    const session = m.session();
    session.scan(['Quiet news.']);
    expect(session.scan(['News from Syria.']).revisit).toBe(false);
  });
});

describe('afterFullName', () => {
  it('counts a short form only after the full name, earlier on the page', () => {
    expect(scanPairs(m, 'Pat Ryder spoke first. Later, Ryder took questions.')).toEqual([
      [2, 'Pat Ryder'],
      [2, 'Ryder'],
    ]);
    expect(scanPairs(m, 'Ryder spoke first. Later, Pat Ryder took questions.')).toEqual([[2, 'Pat Ryder']]);
    expect(textsOf(m, 2, 'Pat Ryder', 'Ryder said', 'Ryder added')).toEqual(['Pat Ryder', 'Ryder', 'Ryder']);
  });

  it('remembers full names across batches', () => {
    const session = m.session();
    session.scan(['Spokesman Pat Ryder briefed reporters.']);
    const later = ['Ryder said no one was hurt.'];
    expect(show(later, session.scan(later).matches).map((f) => f.text)).toEqual(['Ryder']);
  });

  it('asks for a revisit when a full name arrives after a rejected short form', () => {
    const session = m.session();
    expect(session.scan(['Ryder said no one was hurt.']).matches).toEqual([]);
    expect(session.scan(['Pat Ryder is a spokesman.']).revisit).toBe(true);
  });

  it('accepts a gated full name once its gate is open', () => {
    expect(textsOf(m, 4, 'Tanf is in Syria. The Garrison is remote.')).toEqual(['Tanf', 'Garrison']);
    expect(textsOf(m, 4, 'Tanf is remote. The Garrison is remote.')).toEqual([]);
  });
});

describe('a session opened knowing another', () => {
  it('does not carry full names over: a short form still needs its full name earlier on the page', () => {
    const first = m.session();
    first.scan(['Ryder said no one was hurt.']);
    expect(first.scan(['Pat Ryder is a spokesman.']).revisit).toBe(true);
    const again = m.session(first);
    expect(again.scan(['Ryder said no one was hurt.']).matches).toEqual([]);
    const later = ['Pat Ryder is a spokesman. Ryder took questions.'];
    expect(show(later, again.scan(later).matches).map((f) => f.text)).toEqual(['Pat Ryder', 'Ryder']);
  });
});

describe('sessions are independent', () => {
  it('one page’s context never leaks into another', () => {
    const a = m.session();
    a.scan(['Syria and Pat Ryder.']);
    expect(textsOf(m, 0, 'Conoco')).toEqual([]);
    expect(textsOf(m, 2, 'Ryder')).toEqual([]);
  });
});

describe('a gated one-word alias right after a capitalised word', () => {
  // Gated because the word has other meanings; after a capitalised word it
  // ends someone else's name.
  const names = matcherFor([
    [{ text: 'Jordan', requires: ['Amman', 'Syria'] }],
    [{ text: 'Congress', case: 'sensitive', requires: ['Washington'] }],
    ['Amman'],
    ['Hezbollah'],
    ['Pat Ryder', { text: 'Ryder', afterFullName: true }],
    [{ text: 'Jordan Valley', requires: ['Amman'] }],
  ]);

  it('is the end of a longer name, mid-sentence or after a first word that is no common opener', () => {
    expect(textsOf(names, 0, 'Police in Amman said Jaden Jordan, 3, was hurt.')).toEqual([]);
    expect(textsOf(names, 0, 'Police said so. Jaden Jordan, 3, was hurt near Amman.')).toEqual([]);
    expect(textsOf(names, 0, 'Michael Jordan visited Amman.')).toEqual([]);
    expect(textsOf(names, 1, 'The African National Congress sent a delegation to Washington.')).toEqual([]);
  });

  it('stays the name after a lower-case word, punctuation, a common opener or an acronym', () => {
    expect(textsOf(names, 0, 'Troops in Jordan and Syria. Syria, Jordan and Iraq.')).toEqual(['Jordan', 'Jordan']);
    expect(textsOf(names, 0, 'In Jordan, officials in Amman said so. But Jordan denied it.')).toEqual(['Jordan', 'Jordan']);
    expect(textsOf(names, 0, 'Why Jordan matters to Syria')).toEqual(['Jordan']);
    expect(textsOf(names, 0, 'Jordan said so in Amman.')).toEqual(['Jordan']);
    expect(textsOf(names, 0, 'US Jordan ties, Amman says')).toEqual(['Jordan']);
    const majlis = matcherFor([[{ text: 'Majlis', requires: ['Iran'] }]]);
    expect(textsOf(majlis, 0, 'In Iran, the Iranian Majlis voted on the budget.')).toEqual(['Majlis']);
    expect(textsOf(names, 1, 'The Congress in Washington voted.')).toEqual(['Congress']);
  });

  it('tells nothing in text written in capitals', () => {
    expect(textsOf(names, 0, 'TROOPS IN JORDAN NEAR AMMAN')).toEqual(['JORDAN']);
  });

  it('leaves ungated aliases, short forms and longer gated names alone', () => {
    expect(textsOf(names, 3, 'Lebanese Hezbollah said so.')).toEqual(['Hezbollah']);
    expect(textsOf(names, 4, 'Pat Ryder spoke. Later General Ryder added more.')).toEqual(['Pat Ryder', 'Ryder']);
    expect(textsOf(names, 5, 'Farmers of the Lower Jordan Valley near Amman.')).toEqual(['Jordan Valley']);
  });
});

describe('a surname (afterFullName) right after a capitalised word', () => {
  const people = matcherFor([
    ['Donald Trump', { text: 'Trump', afterFullName: true }],
    ['Bashar al-Assad', { text: 'al-Assad', afterFullName: true }, { text: 'Assad', afterFullName: true }],
    ['Mohammed bin Salman', { text: 'bin Salman', afterFullName: true }],
  ]);
  const named = 'Donald Trump, Bashar al-Assad and Mohammed bin Salman met.';

  it('belongs to someone else after a given name', () => {
    expect(scanPairs(people, named, 'Melania Trump spoke. His father Hafez al-Assad ruled before him.')).toEqual([
      [0, 'Donald Trump'],
      [1, 'Bashar al-Assad'],
      [2, 'Mohammed bin Salman'],
    ]);
    expect(textsOf(people, 2, named, 'Defence Minister Khalid bin Salman flew in.')).toEqual(['Mohammed bin Salman']);
  });

  it('is the person after a title, a function word, punctuation or a lower-case word', () => {
    expect(textsOf(people, 0, named, 'President Trump, Mr Trump and Former President Trump. But Trump said no; then Trump left.')).toEqual([
      'Donald Trump',
      'Trump',
      'Trump',
      'Trump',
      'Trump',
      'Trump',
    ]);
    expect(textsOf(people, 1, named, 'Neither Assad nor his army; President al-Assad said so.')).toEqual(['Bashar al-Assad', 'Assad', 'al-Assad']);
    // "at" is a particle only when hyphened ("at-Tall"): here it is English.
    expect(textsOf(people, 0, named, 'He later met Kanye West at Trump Tower.')).toEqual(['Donald Trump', 'Trump']);
    expect(textsOf(matcherFor([['Bashar al-Assad', { text: 'Assad', afterFullName: true }]]), 0, named, 'Al-Assad said so.')).toEqual(['Bashar al-Assad', 'Assad']);
  });

  it('tells nothing in a headline written in title case', () => {
    expect(textsOf(people, 0, named, 'Pilots Will Ask Trump To Block the Plan')).toEqual(['Donald Trump', 'Trump']);
    // One long lower-case word makes it a sentence again.
    expect(textsOf(people, 0, named, 'Pilots Will Ask Trump whether to block it')).toEqual(['Donald Trump']);
  });
});

describe('a gated one-word alias in a dateline', () => {
  const m = matcherFor([[{ text: 'Washington', requires: ['Tehran'] }], ['Damascus']]);

  it('is the city the story was filed from', () => {
    for (const dateline of ['WASHINGTON (Reuters) - Tehran said', 'WASHINGTON, Jan 28 — Tehran said', 'Washington (CNN) — Tehran said']) {
      expect(textsOf(m, 0, dateline), dateline).toEqual([]);
    }
    // Ungated names are places anyway.
    expect(textsOf(m, 1, 'DAMASCUS (Reuters) - Syria said')).toEqual(['DAMASCUS']);
  });

  it('stays the alias elsewhere', () => {
    expect(textsOf(m, 0, 'Washington (the government) warned Tehran.', 'WASHINGTON WARNS TEHRAN', 'Tehran, Washington (again) - talks')).toEqual([
      'Washington',
      'WASHINGTON',
      'Washington',
    ]);
  });
});

describe('a gated one-word alias used for the place itself', () => {
  // Washington for the US government (no place); Jordan the country and Bloomberg the outlet are what the place words name.
  const set = patternSet([[{ text: 'Washington', requires: ['Tehran'] }], [{ text: 'Jordan', requires: ['Amman'] }], [{ text: 'Bloomberg', requires: ['Tehran'] }]]);
  const kinds = ['government-body', 'place', 'outlet'];
  const m = (withKinds: boolean) => {
    const { bytes } = compileIndex({ ...set, entities: set.entities.map((e, i) => (withKinds ? { ...e, kind: kinds[i] } : e)) });
    return Matcher.load(bytes);
  };

  it('is the place before "area" or "region", and as the location closing a byline or caption, for an entry that is no place', () => {
    expect(textsOf(m(true), 0, 'Tehran was discussed.', 'Comments about Washington area sports; trends in the Washington region.', 'Analysis: Jon Sopel, BBC News, Washington')).toEqual([]);
  });

  it('stays the alias elsewhere, in long blocks, for places and outlets, and for an entry of no known kind', () => {
    expect(
      textsOf(m(true), 0, 'Tehran was discussed.', 'Washington, areas of talks aside, warned Tehran.', 'Tehran blamed Washington', 'Talks in Tehran, Washington and Doha', 'The bill went to the Senate, the President and then to the floor of the House and, finally, Washington.'),
    ).toEqual(['Washington', 'Washington', 'Washington', 'Washington']);
    expect(textsOf(m(true), 1, 'In Amman, Jordan', 'Refugees near Mafraq, Jordan.', 'the Jordan area')).toEqual(['Jordan', 'Jordan', 'Jordan']);
    expect(textsOf(m(true), 2, 'Tehran said so.', 'Photo: Jason Alden, Bloomberg')).toEqual(['Bloomberg']);
    expect(textsOf(m(false), 0, 'Tehran was discussed.', 'the Washington area')).toEqual(['Washington']);
  });
});

describe('requires on a cue', () => {
  // Entries: 0 Erbil; claims 1 (gated) and 2 (ungated, the first words of the first).
  const claims = matcherFor(
    [['Erbil']],
    [
      [{ terms: ['minor damage', 'no casualties'], maxGap: 4, requires: ['Erbil', 'Pentagon'] }],
      [{ terms: ['minor damage'] }],
    ],
  );

  it('counts the cue only on a page that mentions one of its context terms, before or after it', () => {
    expect(scanPairs(claims, 'The tremor caused minor damage but no casualties.')).toEqual([[2, 'minor damage']]);
    expect(scanPairs(claims, 'Drones struck Erbil. They caused minor damage but no casualties.')).toEqual([
      [0, 'Erbil'],
      [1, 'minor damage but no casualties'],
    ]);
    expect(scanPairs(claims, 'The attack did minor damage and no casualties, the Pentagon said.')).toEqual([[1, 'minor damage and no casualties']]);
    expect(scanPairs(claims, 'It did minor damage, no casualties.', 'Officials in Erbil confirmed it.')).toEqual([
      [1, 'minor damage, no casualties'],
      [0, 'Erbil'],
    ]);
  });

  it('never lets a gated hit left out hide another claim', () => {
    // The gated hit is the longer one at the same start; with its gate closed the shorter claim is found.
    expect(scanPairs(claims, 'A tremor caused minor damage and no casualties.')).toEqual([[2, 'minor damage']]);
  });

  it('asks for a revisit when a later batch opens the gate, and not before', () => {
    const session = claims.session();
    const first = session.scan(['The blast did minor damage and no casualties.']);
    expect(show(['The blast did minor damage and no casualties.'], first.matches).map((f) => f.entry)).toEqual([2]);
    expect(first.revisit).toBe(false);
    expect(session.scan(['Officials in Erbil said so.']).revisit).toBe(true);
    const quiet = claims.session();
    quiet.scan(['Nothing gated here.']);
    expect(quiet.scan(['Officials in Erbil said so.']).revisit).toBe(false);
  });
});

describe('requires on a cue, next to gated aliases', () => {
  // The cues' gates follow the aliases' in the index: each must read its own.
  const mixed = matcherFor(
    [[{ text: 'Conoco', requires: ['Syria'] }], ['Syria'], ['Erbil']],
    [[{ terms: ['minor damage'], requires: ['Erbil'] }], [{ terms: ['gas field'], requires: [] }]],
  );

  it('opens a cue only on its own terms, not on an alias’s', () => {
    expect(scanPairs(mixed, 'In Syria, Conoco reported minor damage.')).toEqual([
      [1, 'Syria'],
      [0, 'Conoco'],
    ]);
    expect(scanPairs(mixed, 'In Erbil, Conoco reported minor damage.')).toEqual([
      [2, 'Erbil'],
      [3, 'minor damage'],
    ]);
  });

  it('treats an empty requires as no gate', () => {
    expect(scanPairs(mixed, 'The gas field was quiet.')).toEqual([[4, 'gas field']]);
  });
});
