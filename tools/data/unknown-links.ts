/**
 * Links into files that could not be read. Such a file's entries are unknown,
 * so a link to one of them is no fault of the entry that makes it; one error
 * per link would bury the file's own error (a hundred lines of `unknown id`
 * before one `must be object`). They are folded into one note on the file,
 * and come back one by one, if still broken, once it reads.
 */
import { sortProblems, type Problem } from './problem.ts';

const UNKNOWN_ID = 'unknown id ';

export function foldUnknownLinks(problems: readonly Problem[], unreadFiles: readonly string[]): Problem[] {
  const [file, ...others] = unreadFiles;
  const unknown = sortProblems(problems.filter((p) => p.message.startsWith(UNKNOWN_ID)));
  const [first] = unknown;
  if (file === undefined || first === undefined) return [...problems];
  const whose = others.length === 0 ? 'its entries are unknown' : `its entries and those of ${others.join(', ')} are unknown`;
  const links = unknown.length === 1 ? '1 link to an id found in no other file is' : `${unknown.length} links to ids found in no other file are`;
  const where = [first.file, first.id, first.field].filter((part) => part !== undefined && part !== '').join(': ');
  const note: Problem = {
    severity: 'warning',
    file,
    message: `${whose}, so ${links} not checked until ${others.length === 0 ? 'it is' : 'they are'} fixed (the first: ${where}: ${first.message.slice(UNKNOWN_ID.length)})`,
  };
  return [...problems.filter((p) => !p.message.startsWith(UNKNOWN_ID)), note];
}
