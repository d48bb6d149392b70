/**
 * Circular parser benchmark: parses each known circular many times and prints the
 * median per document, against a baseline measured in the same run (splitting the
 * text into lines and testing one regular expression per line — the least any
 * line-based parser must do), and against the 2 ms budget of issue #2.
 *
 *   pnpm bench            (from the repository root)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCircular } from '@netral/domain/circular-parser';
import { Bench } from 'tinybench';

const budgetMs = 2;
const dir = fileURLToPath(new URL('../packages/domain/fixtures/circulars/', import.meta.url));
const documents = readdirSync(dir)
  .filter((f) => f.endsWith('.md') || f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(dir + f, 'utf8') }));

const labelLike = /^\s*(?:[-*]\s+)?(?:[A-Z]|\d{1,2}|[a-z])[.)]\s/;
function baseline(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (labelLike.test(line)) n++;
  return n;
}

const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const doc of documents) {
  bench.add(`parse ${doc.name}`, () => parseCircular(doc.text));
  bench.add(`baseline ${doc.name}`, () => baseline(doc.text));
}
await bench.run();

const median = (name: string): number => {
  const task = bench.tasks.find((t) => t.name === name);
  const result = task?.result;
  if (!result || !('latency' in result)) throw new Error(`no result for ${name}`);
  return result.latency.p50 ?? Number.NaN;
};

const rows = documents.map((doc) => {
  const parse = median(`parse ${doc.name}`);
  const base = median(`baseline ${doc.name}`);
  return {
    document: doc.name,
    'size KB': (Buffer.byteLength(doc.text) / 1024).toFixed(1),
    'parse median ms': parse.toFixed(3),
    'baseline median ms': base.toFixed(4),
    'parse / baseline': `${(parse / base).toFixed(1)}x`,
    'parse / 2 ms budget': (parse / budgetMs).toFixed(3),
  };
});
console.table(rows);
const worst = Math.max(...documents.map((d) => median(`parse ${d.name}`)));
console.log(
  `worst median ${worst.toFixed(3)} ms per document: ${worst < budgetMs ? 'within' : 'OVER'} the ${budgetMs} ms budget`,
);
if (worst >= budgetMs) process.exitCode = 1;
