/**
 * After `vite build` of an SPA (run from the app's folder):
 *
 * 1. prints the gzipped JavaScript needed to show the login page (the entry chunk and its static
 *    imports, from Vite's manifest) and fails the build above the budget (issue #4: 150 KB);
 * 2. writes `.br` and `.gz` beside every text asset, which the server sends to browsers that
 *    accept them (@fastify/static `preCompressed`): the apps' JavaScript is several hundred KB raw.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = join(process.cwd(), 'dist');

const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const seen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);
let total = 0;
for (const file of seen) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file.padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} KB gz`);
}
const kb = total / 1024;
console.log(`JavaScript for the login page: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
let count = 0;
for (const path of walk(dist)) {
  if (!/\.(js|css|html|svg|json)$/.test(path) || path.includes('.vite')) continue;
  const content = readFileSync(path);
  if (content.length < 1024) continue;
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  count += 1;
}
console.log(`Precompressed ${count} assets (.br, .gz).`);
