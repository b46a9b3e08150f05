/**
 * "About this site": who publishes the page being read, when the dataset
 * knows the outlet (only the bundled dataset's outlets, from its summary).
 */
import { bundledSummary } from '../shared/bundled-dataset.ts';
import { outletForHost } from '../shared/outlets.ts';
import { t } from '../shared/i18n.ts';
import { sourceLink } from '../shared/source-link.ts';

export function showAboutSite(doc: Document, hostname: string): boolean {
  const outlet = outletForHost(bundledSummary().outlets, hostname);
  const section = doc.querySelector<HTMLElement>('#about-site')!;
  section.hidden = !outlet;
  if (!outlet) return false;
  const key = outlet.publisher.funding.replaceAll('-', '_');
  doc.querySelector('#outlet-name')!.textContent = outlet.name;
  doc.querySelector('#outlet-owner')!.textContent = outlet.publisher.owner;
  doc.querySelector('#outlet-country')!.textContent = outlet.publisher.country;
  doc.querySelector('#outlet-funding')!.textContent = t(`funding_${key}`);
  doc.querySelector('#outlet-funding-meaning')!.textContent = t(`fundingMeaning_${key}`);
  const list = doc.querySelector<HTMLElement>('#outlet-sources')!;
  list.replaceChildren();
  for (const source of outlet.sources) {
    const li = doc.createElement('li');
    li.dir = 'auto';
    li.append(sourceLink(doc, source.url, source.title), ` — ${source.publisher}${source.date ? `, ${source.date}` : ''}`);
    list.append(li);
  }
  return true;
}
