import { Matcher } from '../src/matcher/index.ts';
import { prepareInWorker } from './prepare.ts';
const { pages, datasets } = await prepareInWorker({ corpus: '/work/shared/corpus/readability', sizes: [], commonWordRows: false });
const size = (p: string[]) => p.reduce((n, b) => n + b.length, 0);
const all = pages.map((p) => p.blocks);
const median = [...all].sort((a, b) => size(a) - size(b))[all.length >> 1]!;
const d = datasets.find((x) => x.name.startsWith('data'))!;
const m = Matcher.load(d.bytes);
const which = process.env.WHICH === 'all' ? all : [median];
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < 8000) { for (const p of which) n += m.session().scan(p).matches.length; }
console.log(n);
