/**
 * The options page's datasets: the bundled one (always there, never
 * replaced) and the reader's own, imported from a JSON file, validated with
 * the dataset validator (pure, no eval), compiled, and stored for the content
 * scripts. Each can be switched off or removed.
 */
import type { DatasetHeader } from '../dataset/types.ts';
import { validateUserDataset, type ValidationError } from '../dataset/validate.ts';
import { bundledSummary } from '../shared/bundled-dataset.ts';
import { t } from '../shared/i18n.ts';
import {
  compileUserDataset,
  listUserDatasets,
  MAX_DATASETS,
  MAX_FILE_BYTES,
  STORAGE_LIMITS,
  storedBytes,
  updateUserDatasets,
  type StorageLimits,
  type StoredUserDataset,
} from '../shared/user-datasets.ts';

/** A refusal lists `errors`, and says how many `more` there were beyond them. */
export type ImportOutcome = { ok: true; dataset: StoredUserDataset } | { ok: false; title: string; errors: string[]; more?: number };

/** The most compile problems listed at once: enough to start fixing the file, few enough to read. */
export const MAX_LISTED = 20;

/**
 * Reads, parses, validates and compiles one file; stores it when it is good
 * and within `limits` (STORAGE_LIMITS; tests pass smaller ones).
 */
export async function importFile(file: File, limits: StorageLimits = STORAGE_LIMITS): Promise<ImportOutcome> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, title: t('optionsImportTooLarge', String(Math.round(MAX_FILE_BYTES / 1024 / 1024))), errors: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return { ok: false, title: t('optionsImportNotJson'), errors: [error instanceof Error ? error.message : String(error)] };
  }
  const result = validateUserDataset(json, { header: headerForFile(file.name) });
  if (!result.ok) return { ok: false, title: t('optionsImportInvalid', String(result.errors.length)), errors: result.errors.map(formatError) };
  const compiled = await compileUserDataset(result.dataset, file.name);
  if (!compiled.ok) {
    // Refused before anything is stored: the datasets imported before stay as they were.
    const { errors } = compiled;
    return {
      ok: false,
      title: t('optionsImportUnusable', String(errors.length)),
      errors: errors.slice(0, MAX_LISTED),
      more: Math.max(0, errors.length - MAX_LISTED),
    };
  }
  const { dataset } = compiled;
  // Refused before anything is stored, as above: Firefox would store it, and every page would read it.
  const size = storedBytes(dataset);
  if (size > limits.dataset) return { ok: false, title: t('optionsImportTooBig', [megabytes(size), megabytes(limits.dataset)]), errors: [] };
  // Checked on the list as stored when the change runs; a dataset imported again replaces its copy, so counts once.
  let refused: { tooMany: true } | { total: number } | undefined;
  await updateUserDatasets((list) => {
    const others = list.filter((d) => d.id !== dataset.id);
    if (others.length >= MAX_DATASETS) refused = { tooMany: true };
    else {
      const total = others.reduce((sum, d) => sum + storedBytes(d), size);
      if (total > limits.total) refused = { total };
    }
    return refused ? list : [...others, dataset];
  });
  if (!refused) return { ok: true, dataset };
  const title =
    'total' in refused
      ? t('optionsImportTotalTooBig', [megabytes(refused.total), megabytes(limits.total)])
      : t('optionsImportTooMany', String(MAX_DATASETS));
  return { ok: false, title, errors: [] };
}

/** Bytes as megabytes (MiB, as MAX_FILE_BYTES is shown), rounded up to a tenth: just over a limit never reads as the limit. */
function megabytes(bytes: number): string {
  return String(Math.ceil((bytes / 1024 / 1024) * 10) / 10);
}

/** A bare data file ({ entities, claims }) has no header: it is named after the file. */
function headerForFile(fileName: string): DatasetHeader {
  const name = fileName.replace(/\.json$/i, '').trim().slice(0, 80) || 'Imported dataset';
  return {
    name,
    version: '1.0.0',
    date: new Date().toISOString().slice(0, 10),
    licence: 'Unknown',
    description: `Imported from ${fileName}`.slice(0, 600),
  };
}

function formatError(error: ValidationError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

/**
 * Lists the datasets with their switches. What the switches store reaches
 * the page through storage.onChanged, which also redraws this list
 * (options.ts), so the handlers here only write. The rows are swapped in
 * one step after storage answered: two redraws close together (an import,
 * then a switch) must not interleave and list a dataset twice.
 */
export async function renderDatasets(doc: Document): Promise<void> {
  const stored = await listUserDatasets();
  const bundled = bundledSummary();
  const rows = [row(doc, bundled.header, bundled.entryCount, null)];
  for (const dataset of stored) {
    const tr = row(doc, dataset.header, dataset.entities + dataset.claims, dataset);
    tr.dataset.datasetId = dataset.id;
    const toggle = tr.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    toggle.addEventListener('change', () => void updateDataset(dataset.id, (d) => ({ ...d, enabled: toggle.checked })));
    tr.querySelector<HTMLButtonElement>('button.remove')!.addEventListener('click', () => void removeDataset(dataset.id));
    rows.push(tr);
  }
  doc.querySelector<HTMLElement>('#dataset-rows')!.replaceChildren(...rows);
}

function updateDataset(id: string, change: (d: StoredUserDataset) => StoredUserDataset): Promise<void> {
  return updateUserDatasets((list) => list.map((d) => (d.id === id ? change(d) : d)));
}

function removeDataset(id: string): Promise<void> {
  return updateUserDatasets((list) => list.filter((d) => d.id !== id));
}

function row(doc: Document, header: DatasetHeader, entries: number, user: StoredUserDataset | null): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  const name = doc.createElement('td');
  const title = doc.createElement('strong');
  title.dir = 'auto';
  title.textContent = header.name;
  const meta = doc.createElement('div');
  meta.className = 'dataset-meta';
  meta.textContent = user
    ? t('optionsDatasetUserMeta', [header.version, header.date, user.fileName])
    : t('optionsDatasetBundledMeta', [header.version, header.date]);
  name.append(title, meta);
  if (user && user.problems.length > 0) {
    const problems = doc.createElement('details');
    problems.className = 'dataset-problems';
    const summary = doc.createElement('summary');
    summary.textContent = t('optionsDatasetProblems', String(user.problems.length));
    const list = doc.createElement('ul');
    for (const problem of user.problems) {
      const li = doc.createElement('li');
      li.textContent = problem;
      list.append(li);
    }
    problems.append(summary, list);
    name.append(problems);
  }
  const count = doc.createElement('td');
  count.textContent = String(entries);
  const on = doc.createElement('td');
  const toggle = doc.createElement('input');
  toggle.type = 'checkbox';
  toggle.checked = user ? user.enabled : true;
  // The bundled dataset is always on: it is what Backstory is.
  toggle.disabled = !user;
  toggle.setAttribute('aria-label', t('optionsDatasetToggle', header.name));
  on.append(toggle);
  const actions = doc.createElement('td');
  if (user) {
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = t('optionsDatasetRemove');
    remove.setAttribute('aria-label', t('optionsDatasetRemoveLabel', header.name));
    actions.append(remove);
  } else {
    actions.className = 'dataset-meta';
    actions.textContent = t('optionsDatasetBuiltIn');
  }
  tr.append(name, count, on, actions);
  return tr;
}

export function showImportOutcome(container: HTMLElement, outcome: ImportOutcome): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  if (outcome.ok) {
    const p = doc.createElement('p');
    p.className = 'ok';
    p.textContent = t('optionsImportDone', [outcome.dataset.header.name, String(outcome.dataset.entities + outcome.dataset.claims)]);
    container.append(p);
    return;
  }
  const box = doc.createElement('div');
  box.className = 'errors';
  const title = doc.createElement('h3');
  title.textContent = outcome.title;
  box.append(title);
  if (outcome.errors.length > 0) {
    const list = doc.createElement('ul');
    for (const error of outcome.errors) {
      const li = doc.createElement('li');
      const code = doc.createElement('code');
      code.dir = 'ltr';
      code.textContent = error;
      li.append(code);
      list.append(li);
    }
    box.append(list);
  }
  if (outcome.more) {
    const more = doc.createElement('p');
    more.className = 'more';
    more.textContent = t('optionsImportMore', String(outcome.more));
    box.append(more);
  }
  container.append(box);
}
