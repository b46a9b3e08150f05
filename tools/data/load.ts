/**
 * Reads the dataset from disk: data/dataset.json, data/entities/*.json and
 * data/claims/*.json. Never throws on bad content: a missing or unparsable
 * file becomes a Problem and the rest still loads, so one writer's broken
 * file does not hide everyone else's problems.
 *
 * `dataset` holds whatever parsed; it is only trustworthy once checkDataset
 * reports no errors.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Claim, Dataset, DatasetHeader, Entity } from '../../src/dataset/types.ts';
import { datasetHash } from './canonical.ts';
import { parseJson } from './json-errors.ts';
import type { Problem } from './problem.ts';

export type FileRole = 'header' | 'entities' | 'claims';

export interface LoadedFile {
  /** Relative to the working directory, as problems name it. */
  path: string;
  role: FileRole;
  text: string;
  /** The parsed JSON; undefined when the file is not valid JSON. */
  json: unknown;
}

export interface LoadedDataset {
  dataDir: string;
  dataset: Dataset;
  hash: string;
  files: LoadedFile[];
  problems: Problem[];
}

const ENTRY_DIRS = ['entities', 'claims'] as const;

async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith('.json')).sort().map((name) => path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function entriesOf(json: unknown, list: 'entities' | 'claims'): unknown[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const value = (json as Record<string, unknown>)[list];
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function loadDataset(dataDir: string): Promise<LoadedDataset> {
  const problems: Problem[] = [];
  const files: LoadedFile[] = [];
  const display = (absolute: string) => path.relative(process.cwd(), absolute) || absolute;

  const read = async (absolute: string, role: FileRole) => {
    const file = display(absolute);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ severity: 'error', file, message: code === 'ENOENT' ? 'file is missing' : `cannot read: ${String(error)}` });
      return;
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      problems.push({
        severity: 'error',
        file,
        field: `line ${parsed.line}`,
        message: parsed.message,
      });
    }
    files.push({ path: file, role, text, json: parsed.ok ? parsed.json : undefined });
  };

  await read(path.join(dataDir, 'dataset.json'), 'header');
  for (const dir of ENTRY_DIRS) {
    for (const absolute of await jsonFilesIn(path.join(dataDir, dir))) await read(absolute, dir);
  }

  const headerJson = files.find((f) => f.role === 'header')?.json;
  const { $schema: _schema, ...header } = isObject(headerJson) ? headerJson : {};
  const entities: Entity[] = [];
  const claims: Claim[] = [];
  for (const file of files) {
    if (file.role === 'header') continue;
    // Shape is checked later against the schema; here anything object-like is kept.
    for (const entry of entriesOf(file.json, 'entities')) if (isObject(entry)) entities.push(entry as unknown as Entity);
    for (const entry of entriesOf(file.json, 'claims')) if (isObject(entry)) claims.push(entry as unknown as Claim);
  }
  const dataset: Dataset = { header: header as unknown as DatasetHeader, entities, claims };
  return { dataDir, dataset, hash: datasetHash(dataset), files, problems };
}
