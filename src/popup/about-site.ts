/**
 * "About this site": who publishes the page being read, when the dataset
 * knows the outlet. The bundled dataset is imported here as in the content
 * script (virtual:backstory-data); only its card bundle is used.
 */
import { bundleJson } from 'virtual:backstory-data';
import type { Bundle } from '../dataset/bundle.ts';
import { outletForHost } from '../shared/outlets.ts';
import { t } from '../shared/i18n.ts';

export function showAboutSite(doc: Document, hostname: string): boolean {
  const outlet = outletForHost((JSON.parse(bundleJson) as Bundle).entries, hostname);
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
    const a = doc.createElement('a');
    a.href = source.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = source.title;
    li.append(a, ` — ${source.publisher}${source.date ? `, ${source.date}` : ''}`);
    list.append(li);
  }
  return true;
}
