/** Small helpers shared by the data CLIs. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's data/ directory, wherever the command is run from. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** True when the module at `url` is the script node was started with (not an import). */
export function isMain(url: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(path.resolve(script)).href === url;
}

/** Reports an unexpected failure the way the checks report problems, and exits non-zero. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 2;
    },
  );
}

/** The value after `--name` in the arguments, if given. */
export function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Arguments that are neither flags nor the value of an option in `valued`. */
export function positional(args: readonly string[], valued: readonly string[] = []): string[] {
  return args.filter((arg, i) => !arg.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
}
