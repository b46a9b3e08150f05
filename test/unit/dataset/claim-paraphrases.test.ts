/**
 * Claims are found when other outlets say them in other words: sentences
 * written for this test, at least one for every claim of the dataset, each
 * stating it the way wire copy or an official would, must match that claim
 * with the real dataset; sentences that share its words without stating
 * one must match none.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBundle, patternSet } from '../../../src/dataset/bundle.ts';
import { loadDataset } from '../../../tools/data/load.ts';
import { loadMatcher } from '../../../tools/data/matcher-api.ts';
import { scanPage } from '../../../tools/data/page-coverage.ts';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));

const STATED: Array<[sentence: string, claim: string]> = [
  ['Critics say the US military presence in Syria is illegal under international law.', 'us-military-presence-in-syria-illegal'],
  ['The US has no legal basis for its presence in Syria, as neither the UN nor Damascus authorised it, Moscow said.', 'us-military-presence-in-syria-illegal'],
  ['The American deployment in Syria has no legal basis, the foreign ministry said.', 'us-military-presence-in-syria-illegal'],
  ['US troops are illegally occupying parts of northeastern Syria, Damascus says.', 'us-military-presence-in-syria-illegal'],
  ['The Syrian government said Russian forces were in the country at its invitation, while it called the US presence illegal.', 'us-military-presence-in-syria-illegal'],
  ['The Syrian government said Russian forces were in the country at its invitation, while it called the US presence illegal.', 'russian-presence-invited-by-syria'],
  ['Some 900 American troops remain in Syria, according to the Pentagon.', 'us-bases-and-troops-in-syria'],
  ['US troops in Syria number about 900, officials have said.', 'us-bases-and-troops-in-syria'],
  ['US forces have come under attack at least 16 times since October 17.', 'us-forces-attacked-16-times-october-2023'],
  ['The Pentagon blamed Iran for the attacks on US forces.', 'iran-responsible-for-attacks-on-us-forces'],
  ['Syria says 90% of its oil is under US occupation.', 'syria-oil-under-us-occupation'],
  ['Syria estimates losses of over $100bn in its energy sector.', 'syria-energy-sector-losses'],
  ['Damascus accuses Washington of stealing Syrian oil.', 'us-plunder-of-syrian-oil'],
  ['Syria accuses the United States of stealing its oil, a charge Washington rejects.', 'us-plunder-of-syrian-oil'],
  ['About 250 people were taken hostage by Hamas on October 7.', 'hostages-taken-october-7'],
  ['The war in Syria has killed more than 500,000 people.', 'syrian-war-death-toll'],
  ['Hundreds were killed in an explosion at al-Ahli Arab hospital in Gaza City on Tuesday.', 'al-ahli-hospital-israeli-strike'],
  ['Reports that Hamas beheaded 40 babies in Kfar Aza were never confirmed.', 'forty-beheaded-babies'],
  ['More than 30,000 Palestinians have been killed in Gaza, according to the Hamas-run health ministry.', 'gaza-death-toll-health-ministry'],
  ['Hamas-run health officials say more than 40,000 people have been killed in Gaza, a figure Israel disputes.', 'gaza-death-toll-health-ministry'],
  ['South Africa accuses Israel of committing genocide in Gaza.', 'gaza-genocide-accusation'],
  ['Some 1.9 million Gazans, about 90% of the population, have been displaced.', 'gaza-population-displaced'],
  ['Hezbollah is believed to have around 150,000 rockets and missiles.', 'hezbollah-rocket-arsenal'],
  ['The Houthis are widely described as an Iranian proxy.', 'houthis-iranian-proxy'],
  ['The ICC issued an arrest warrant for Benjamin Netanyahu.', 'icc-warrant-netanyahu'],
  ['Israel was behind the pager explosions that killed dozens across Lebanon.', 'israel-behind-lebanon-pager-attacks'],
  ['The October 7 attack killed about 1,200 people in Israel.', 'october-7-attack-toll'],
  ['Terrorists from Hamas infiltrated Israeli communities on October 7, murdering 1,200 people.', 'october-7-attack-toll'],
  ['Three US soldiers were killed in a drone attack on Tower 22 in Jordan.', 'tower-22-attack-killed-three-us-soldiers'],
  ['Roughly 2,500 American troops are stationed in Iraq.', 'us-troops-in-iraq-2500'],
  ["In 2020 Iraq's parliament voted to expel US forces from the country.", 'iraqi-parliament-voted-to-expel-us-troops'],
  ['More than 5 million Syrians have fled abroad as refugees.', 'syrian-refugee-numbers'],
  ['Assad fled to Moscow after rebels seized Damascus in December 2024.', 'assad-government-fell-december-2024'],
  ['Abu Bakr al-Baghdadi was killed in a US raid in Syria in 2019.', 'baghdadi-killed-in-us-raid-2019'],
  ['Russia and China vetoed a US resolution on Gaza at the Security Council.', 'russia-china-veto-us-gaza-draft-october-2023'],
  ['The US vetoed another UN Security Council resolution demanding a ceasefire in Gaza.', 'us-vetoes-gaza-ceasefire-drafts'],
  ["Iran's foreign minister warned that the US would not be spared from the fire if the Gaza war widened.", 'amir-abdollahian-us-not-spared-from-fire'],
  ['Iran and Saudi Arabia restored ties in a deal brokered by China in March 2023.', 'china-brokered-iran-saudi-deal'],
  ['Kataib Hezbollah announced it was suspending attacks on US forces.', 'kataib-hezbollah-suspended-attacks-january-2024'],
  ['No Americans were harmed in the Iranian missile strikes on Ain al-Asad, Trump said.', 'no-americans-harmed-in-january-2020-iranian-strikes'],
  ["The Popular Mobilization Forces are formally part of Iraq's security forces.", 'pmf-part-of-iraqi-state-forces'],
  ['Iran called the killing of Soleimani an unprovoked act of aggression.', 'soleimani-killing-unprovoked'],
  ['US officials say Soleimani was responsible for the deaths of hundreds of American troops in Iraq.', 'soleimani-responsible-for-us-troop-deaths'],
  ['US troops in Iraq have been in an advise-and-assist role since the combat mission ended in 2021.', 'us-forces-in-iraq-advisory-role-since-2021'],
  ['Russia and China called for an immediate ceasefire in Gaza.', 'gaza-ceasefire-calls-october-2023'],
  ['Israel says the figures from the Hamas-run health ministry cannot be trusted.', 'gaza-health-ministry-figures-unreliable'],
  ['The Houthis say they only target ships linked to Israel.', 'houthi-shipping-attacks-stated-aims'],
  ['The Houthis, who control Sanaa and much of northern Yemen, say they target Israel-linked vessels in solidarity with Palestinians in Gaza.', 'houthi-shipping-attacks-stated-aims'],
  ['The Houthis claimed to have hit the USS Eisenhower, a claim the Pentagon denied.', 'houthis-hit-uss-eisenhower'],
  ['The ICJ found it plausible that Israel was committing genocide in Gaza.', 'icj-ruled-genocide-plausible'],
  ['Israel alleged that a dozen UNRWA staff took part in the October 7 attack.', 'unrwa-staff-october-7-allegations'],
  ['UN investigators found that the Assad government used sarin against civilians.', 'assad-government-used-chemical-weapons'],
  ['Russia claimed the Douma chemical attack was staged.', 'douma-attack-staged'],
  ['HTS is designated a terrorist organisation by the UN and the United States.', 'hts-designated-terrorist-group'],
  ['Thousands of suspected ISIS fighters are held in prisons run by the SDF in northeast Syria.', 'isis-detainees-in-north-east-syria'],
  ['Moscow says its forces are in Syria at the invitation of the Syrian government.', 'russian-presence-invited-by-syria'],
  ['Russian forces are in Syria at the invitation of the legitimate government, the Kremlin said.', 'russian-presence-invited-by-syria'],
  ["The US-backed SDF controls most of Syria's oil fields.", 'sdf-controls-syrian-oil-fields'],
  ['Turkey considers the YPG an extension of the PKK.', 'sdf-is-pkk-branch'],
  ['Trump said US troops would stay in Syria to secure the oil.', 'us-troops-stay-to-secure-oil'],
  ["The fall of Baghuz in March 2019 ended the Islamic State's territorial control.", 'isis-territorial-defeat-baghuz-2019'],
  ['The US sent the USS Gerald R. Ford carrier strike group to the eastern Mediterranean.', 'us-carrier-deployments-october-2023'],
  ['A US drone strike in Baghdad killed a commander of Harakat al-Nujaba in January 2024.', 'us-strike-baghdad-january-2024-self-defense'],
  ["The US-led coalition's mission in Iraq will end by September 2025.", 'coalition-mission-iraq-to-end-2025'],
  ['Tehran says it helped Damascus in its fight against terrorism.', 'iran-helped-syria-fight-terrorism'],
  ['The Quds Force has trained and advised Iraqi militias in the PMF.', 'quds-force-trains-and-advises-pmf'],
  ["Iraq's prime minister said Soleimani had come to Baghdad on a peace mission.", 'soleimani-on-peace-mission-when-killed'],
  ['Washington said it informed the Iraqi government before the strikes.', 'us-notified-iraq-before-february-2024-strikes'],
  ['Damascus accuses the US of training militants at al-Tanf.', 'al-tanf-used-to-train-militants'],
  ['Syrian officials blame the Caesar Act sanctions for the hardship of ordinary Syrians.', 'caesar-act-sanctions-cause-hardship'],
  ['The administration cites the 2001 AUMF as its legal basis for strikes on ISIS.', 'aumf-2001-legal-basis-against-isis'],
  ['The Senate voted to repeal the 2002 Iraq war authorization in March 2023.', 'aumf-2002-senate-repeal-vote-2023'],
  ['Biden said he had warned Khamenei to be prepared.', 'biden-warning-to-khamenei'],
  ['ISIS is a terrorist organisation banned in Russia.', 'isis-banned-in-russia'],
  ['Russia has vetoed more than a dozen Security Council resolutions on Syria.', 'russia-vetoes-on-syria'],
  ['Ryder said the attack on Erbil caused minor damage to infrastructure and no casualties.', 'ryder-erbil-attack-minor-damage'],
  ['ISIS was defeated by a coalition that included Syria, Iraq, Russia and Iran.', 'unlikely-coalition-defeated-isis'],
  ['Critics say the US stayed in Syria under the pretext of fighting ISIS.', 'us-presence-pretext-of-fighting-isis'],
  ['The Pentagon said the strikes on two facilities in eastern Syria were in self-defense.', 'us-strikes-syria-october-2023-self-defense'],
  ['Israel has repeatedly struck targets in Syria since October 7.', 'israeli-strikes-syria-lebanon-october-2023'],
  ['Soleimani was blamed for the deaths of more than 600 US troops in Iraq.', 'soleimani-responsible-for-us-troop-deaths'],
];

const NOT_STATED: string[] = [
  'He stole the show at the US Open in New York.',
  'Losses in the US tech sector topped $100 billion last year.',
  'Some 900 troops took part in the parade in Paris.',
  'About 250 students were kidnapped from a school in Nigeria.',
  'Israel-linked shipping firms rerouted vessels around Africa, insurers said.',
  'The court found no legal basis for the claim against the US company.',
  'Hamas-run health officials said a hospital generator had failed.',
  'The Pentagon said 900 troops would take part in a training exercise in Poland next spring.',
  "Syria's central bank said inflation reached 90 percent last year as the pound collapsed.",
  "Iraq's oil ministry said exports rose, with $100 billion in revenue expected.",
  'At least 16 people were injured when a bus overturned near Erbil, Kurdish officials said.',
  'The US embassy in Baghdad warned its citizens not to travel to Syria, citing kidnapping risks.',
  'A Turkish drone struck a car near Qamishli, killing two members of the Syrian Democratic Forces.',
  'The ICC is based in The Hague.',
  'Hezbollah held a rally in Beirut on Sunday.',
  'Three soldiers were injured in a training exercise in Texas.',
  'More than 5 million people visited Damascus last year.',
  'No Americans were harmed in the rocket attack on Erbil airport on Monday.',
  'The health ministry published new figures on vaccination rates.',
  'Moscow invited Syrian students to study at its universities.',
  'Residents returned to Baghuz to rebuild their homes.',
  'Tehran hosted a conference on terrorism financing.',
  'Recruits train at the base for six weeks before joining militant patrols near the border.',
  'The governor was blamed for the deaths of 600 cattle in the floods.',
  // The words of a claim in a story on another subject: each was highlighted
  // before its cue was gated on the claim's subject (requires).
  'The oil sector has suffered more than $100 billion in losses since the pandemic, the OPEC report said.',
  'The tremor caused minor damage to infrastructure but no casualties, the civil defence agency said.',
  'About 1.7 million people have been displaced by the fighting in Sudan, the UN said.',
  'Police said the two hostages were still held by the gang on Friday.',
  'More than 240 hostages were freed when troops stormed the theatre.',
  'The opposition said it had no confidence in the official unemployment figures.',
  'The ministry said the hospital strike by 500 nurses would continue into next week.',
  'Both drafts on Ukraine were vetoed by Russia and China in the Security Council.',
  'The resolution on Myanmar was vetoed by the United States, diplomats said.',
  'The carrier group will train in the eastern Mediterranean with Greek ships this spring.',
  'Doctors said the pager exploded in his pocket during the shift, burning his hand.',
  "Up to 90 percent of the country's oil is held by the state company, the report said.",
  'Some troops will stay behind to guard the oil fields in Libya, the general said.',
  'Russian troops arrived in Kazakhstan at its request in January, the Kremlin said.',
  'The US presence in Iraq is illegal, the militia said, and Syria agreed.',
];

/** A cue gated on its subject still counts where the page names the subject in another paragraph. */
const STATED_ON_THE_PAGE: Array<[page: string[], claim: string]> = [
  [['Syria’s oil ministry published its figures on Monday.', 'The oil sector has suffered more than $100 billion in losses, the ministry said.'], 'syria-energy-sector-losses'],
  [['Drones and rockets hit US bases in Iraq and Syria.', 'Nineteen US service members sustained traumatic brain injuries in the attacks.'], 'us-troops-brain-injuries-october-2023'],
  [['Iraq’s Popular Mobilization Forces answer to the prime minister.', 'The militias were formed in 2014 to fight the Islamic State group.'], 'iraqi-militias-self-defense-forces-against-jihadists'],
  [['Rockets were fired at US troops in Syria again.', 'There is no evidence Iran directed the attacks, officials conceded.'], 'no-evidence-of-iranian-involvement-in-attacks'],
  [['Drones struck near Erbil airport.', 'The attack caused minor damage to infrastructure and no casualties, a spokesman said.'], 'ryder-erbil-attack-minor-damage'],
  [['The draft resolution demanded a pause in the fighting.', 'It was vetoed by Russia and China.', 'Gaza remained under bombardment.'], 'russia-china-veto-us-gaza-draft-october-2023'],
];

describe('claims said in other words', async () => {
  const matcher = await loadMatcher();
  const loaded = await loadDataset(DATA);
  /** The real dataset's matcher: the entries found on a page, in order. */
  const scanner = () => {
    if (!matcher.ok) throw new Error(`the matcher must load: ${matcher.reason}`);
    const { api } = matcher;
    const m = api.Matcher.load(api.compileIndex(patternSet(loaded.dataset, loaded.hash)).bytes);
    const entries = makeBundle(loaded.dataset, loaded.hash).entries;
    return (page: string[]) => scanPage(m, page).map((x) => entries[x.entry]!);
  };
  /** The claims found in one sentence, alone on its page. */
  const load = () => {
    const scan = scanner();
    return (text: string) => scan([text]).filter((e) => e.type === 'claim').map((e) => e.id);
  };

  it('cover every claim of the dataset', () => {
    const ids = loaded.dataset.claims.map((c) => c.id);
    const stated = new Set([...STATED, ...STATED_ON_THE_PAGE].map(([, claim]) => claim));
    expect(ids.filter((id) => !stated.has(id))).toEqual([]);
  });

  it('are found by a gated cue where the page names the subject elsewhere', () => {
    const scan = scanner();
    for (const [page, claim] of STATED_ON_THE_PAGE) {
      expect(scan(page).map((e) => e.id), page.join(' | ')).toContain(claim);
      // Without the paragraph that names the subject, the cue does not count.
      const alone = page.filter((block) => scan([block]).some((e) => e.id === claim));
      expect(alone, page.join(' | ')).toEqual([]);
    }
  });

  it('are found, each as the claim it states', () => {
    const claimsIn = load();
    const wrong = STATED.filter(([sentence, claim]) => !claimsIn(sentence).includes(claim)).map(([s, c]) => `${c}: "${s}" → ${JSON.stringify(claimsIn(s))}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('are not found where only their words are', () => {
    const claimsIn = load();
    const wrong = NOT_STATED.filter((s) => claimsIn(s).length > 0).map((s) => `"${s}" → ${JSON.stringify(claimsIn(s))}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});
