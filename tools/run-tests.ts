/**
 * npm test: builds, then runs every suite (unit, Chromium end to end, Firefox
 * end to end), each to the end even if an earlier one failed, and closes with
 * one line summing them: "N passed, N failed".
 *
 *   npm test                 build, then all suites
 *   npm test -- --no-build   reuse dist/ as it is
 *   npm test -- unit         only the named suites (unit, chromium, firefox)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

interface Suite {
  name: string;
  command: string[];
  report: string;
  count(report: unknown): Counts;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const root = resolve(import.meta.dirname, '..');
const reports = resolve(root, 'reports');

const vitestCounts = (r: unknown): Counts => {
  const report = r as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
  // A file that fails to load counts as a failure even though no test ran.
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
};

const playwrightCounts = (r: unknown): Counts => {
  const { stats, errors } = r as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (errors?.length ?? 0), skipped: stats.skipped };
};

const SUITES: Suite[] = [
  { name: 'unit', command: ['npx', 'vitest', 'run'], report: 'unit.json', count: vitestCounts },
  { name: 'chromium', command: ['npx', 'playwright', 'test'], report: 'chromium.json', count: playwrightCounts },
  { name: 'firefox', command: ['npx', 'vitest', 'run', '-c', 'vitest.firefox.config.ts'], report: 'firefox.json', count: vitestCounts },
];

function run(command: string[]): number {
  const result = spawnSync(command[0]!, command.slice(1), { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

if (!args.includes('--no-build')) {
  console.log('\n== build ==');
  if (run(['npm', 'run', 'build']) !== 0) {
    total.failed++;
    lines.push('build: FAILED');
  }
}

mkdirSync(reports, { recursive: true });
for (const suite of suites) {
  console.log(`\n== ${suite.name} ==`);
  const reportPath = resolve(reports, suite.report);
  rmSync(reportPath, { force: true });
  const status = run(suite.command);
  let counts: Counts;
  if (existsSync(reportPath)) {
    counts = suite.count(JSON.parse(readFileSync(reportPath, 'utf8')));
    // A runner that exits non-zero with nothing failed still failed (a crash, a bad config).
    if (status !== 0 && counts.failed === 0) counts.failed = 1;
  } else {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

console.log('\n== summary ==');
for (const line of lines) console.log(line);
if (total.skipped) console.log(`${total.skipped} skipped`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
