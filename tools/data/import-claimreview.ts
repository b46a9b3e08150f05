/**
 * npm run data:import -- reviews.json [--out data/claims/imported.json] [--dry-run]
 *
 * Drafts claim entries from schema.org ClaimReview JSON-LD (a review, an
 * array, or a DataFeed) and appends the valid ones to the output file,
 * which stays canonically formatted. Prints what was imported, what needs an
 * editor's review and what could not be mapped, and why.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { aliasKey } from '../../src/dataset/alias-key.ts';
import { todayUtc } from '../../src/dataset/dates.ts';
import type { Claim, Dataset } from '../../src/dataset/types.ts';
import { canonicalText } from './canonical.ts';
import { findClaimReviews } from './claimreview/json-ld.ts';
import { reviewToClaim } from './claimreview/to-claim.ts';
import { draftProblems } from './claimreview/validate-draft.ts';
import { DEFAULT_DATA_DIR, isMain, option, positional, runMain } from './cli.ts';
import { parseJson } from './json-errors.ts';
import { loadDataset } from './load.ts';
import { countProblems, formatProblem, formatReport, type Problem } from './problem.ts';
import { schemaPass } from './schema-pass.ts';
import { schemaProblems, schemaValidators } from './schema-validation.ts';

export interface ImportReport {
  imported: Array<{ label: string; id: string; notes: string[] }>;
  skipped: Array<{ label: string; reasons: string[] }>;
  claims: Claim[];
}

export interface DraftOptions {
  /** The dataset the claims join: its ids are avoided and its entities named as holders. */
  dataset: Pick<Dataset, 'entities' | 'claims'>;
  /** The file the claims will be written to, for messages. */
  file: string;
  today?: string;
}

/** Draft and validate claims from a parsed JSON-LD document. Pure apart from the clock. */
export function draftClaims(document: unknown, options: DraftOptions): ImportReport {
  const today = options.today ?? todayUtc();
  const takenIds = new Set([...options.dataset.entities, ...options.dataset.claims].map((e) => e.id));
  const idsByName = new Map<string, string[]>();
  for (const entity of options.dataset.entities) {
    const names = [entity.name, ...entity.aliases.filter((a) => !a.requires && !a.afterFullName).map((a) => a.text)];
    for (const key of new Set(names.map(aliasKey))) idsByName.set(key, [...(idsByName.get(key) ?? []), entity.id]);
  }
  const holderIdsFor = (name: string) => [...new Set(idsByName.get(aliasKey(name)) ?? [])];

  const report: ImportReport = { imported: [], skipped: [], claims: [] };
  const reviews = findClaimReviews(document);
  if (reviews.length === 0) report.skipped.push({ label: '(document)', reasons: ['no ClaimReview found'] });
  for (const review of reviews) {
    const outcome = reviewToClaim(review, { takenIds, holderIdsFor });
    if (!outcome.ok) {
      report.skipped.push({ label: outcome.label, reasons: outcome.reasons });
      continue;
    }
    const problems = draftProblems(outcome.claim, options.file, today);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      report.skipped.push({ label: outcome.label, reasons: errors.map((p) => `${p.field ?? ''}: ${p.message}`) });
      continue;
    }
    const warnings = problems.filter((p) => p.severity === 'warning').map(formatProblem);
    report.imported.push({ label: outcome.label, id: outcome.claim.id, notes: [...outcome.notes, ...warnings] });
    report.claims.push(outcome.claim);
  }
  return report;
}

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const item of report.imported) {
    lines.push(`imported ${item.id}  (${item.label})`);
    for (const note of item.notes) lines.push(`  review: ${note}`);
  }
  for (const item of report.skipped) {
    lines.push(`NOT imported: ${item.label}`);
    for (const reason of item.reasons) lines.push(`  ${reason}`);
  }
  lines.push(`${report.imported.length} imported, ${report.skipped.length} not imported`);
  return lines.join('\n');
}

type OutFile = { ok: true; json: Record<string, unknown>; claims: Claim[] } | { ok: false; problems: Problem[] };

/**
 * The output file's content and claims (none if it does not exist yet), or
 * its problems: the import never adds to a file the check would reject.
 */
async function readOutFile(outFile: string): Promise<OutFile> {
  const file = path.relative(process.cwd(), outFile) || outFile;
  let text: string;
  try {
    text = await readFile(outFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, json: {}, claims: [] };
    return { ok: false, problems: [{ severity: 'error', file, message: `cannot read: ${String(error)}` }] };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [{ severity: 'error', file, field: `line ${parsed.line}`, message: parsed.message }] };
  const problems = schemaProblems(parsed.json, file, 'claims', schemaValidators());
  if (problems.length > 0) return { ok: false, problems };
  const json = parsed.json as { claims?: Claim[] };
  return { ok: true, json, claims: json.claims ?? [] };
}

const refusal = (problems: readonly Problem[], what: string) => `${formatReport(problems)}\n${what}`;

/** Appends the claims to `outFile`, refusing if the file or the result would not pass the file schema. */
export async function writeImported(outFile: string, claims: readonly Claim[]): Promise<void> {
  const existing = await readOutFile(outFile);
  if (!existing.ok) throw new Error(refusal(existing.problems, `refusing to write ${outFile}: fix it first`));
  const json = { ...existing.json, claims: [...existing.claims, ...claims] };
  const problems = schemaProblems(json, outFile, 'claims', schemaValidators());
  if (problems.length > 0) throw new Error(refusal(problems, `refusing to write ${outFile}`));
  await writeFile(outFile, canonicalText(json), 'utf8');
}

async function main(args: readonly string[]): Promise<number> {
  const [input] = positional(args, ['--out', '--data']);
  if (!input) {
    console.error('usage: npm run data:import -- reviews.json [--out data/claims/imported.json] [--dry-run]');
    return 2;
  }
  const dataDir = option(args, '--data') ?? DEFAULT_DATA_DIR;
  const outFile = path.resolve(option(args, '--out') ?? path.join(dataDir, 'claims', 'imported.json'));
  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (error) {
    console.error(`${input}: error: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 1;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    console.error(`${input}: ${parsed.message}`);
    return 1;
  }
  // Drafting reads names, aliases and ids: entries that fail the schema would
  // crash it or hide ids a draft could collide with, so they stop the import.
  const loaded = await loadDataset(dataDir);
  const pass = schemaPass(loaded, schemaValidators());
  if (countProblems(pass.problems).errors > 0) {
    console.error(refusal(pass.problems, 'nothing imported: fix the dataset first (npm run data:check)'));
    return 1;
  }
  const existing = await readOutFile(outFile);
  if (!existing.ok) {
    console.error(refusal(existing.problems, 'nothing imported: fix the output file first'));
    return 1;
  }
  const dataset = { entities: loaded.dataset.entities, claims: [...loaded.dataset.claims, ...existing.claims] };
  const report = draftClaims(parsed.json, { dataset, file: path.relative(process.cwd(), outFile) });
  console.log(formatImportReport(report));
  if (report.claims.length > 0 && !args.includes('--dry-run')) {
    await writeImported(outFile, report.claims);
    console.log(`wrote ${report.claims.length} claims to ${path.relative(process.cwd(), outFile)}; run npm run data:check`);
  }
  return report.skipped.length > 0 ? 1 : 0;
}

if (isMain(import.meta.url)) runMain(() => main(process.argv.slice(2)));
