#!/usr/bin/env node
// Last step of `npm run zip`: the store listing beside the packages WXT made. The stores take
// the extension package (icons inside, declared by the manifest) and, separately in their
// dashboards, the listing: screenshots, descriptions, the privacy statement and a 128 px icon.
// This gathers those into .output/why403-<version>-store.zip, laid out by what each form asks:
//   chrome/  screenshots (1280×800), icon-128.png, description.md
//   firefox/ screenshots (1280×800), description.md
//   privacy.md (both stores ask for a privacy policy; docs/privacy.md)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const read = (...p) => readFileSync(join(root, ...p));
const shots = readdirSync(join(root, 'store', 'screenshots')).filter((f) => f.endsWith('-1280x800.png'));
if (shots.length === 0) throw new Error('zip-store: no store/screenshots/*-1280x800.png (npm run store:screenshots)');

// The short description is the first paragraph under its heading; both stores cap it at 132.
const listing = readFileSync(join(root, 'store', 'description.md'), 'utf8');
const short = /^## Short description[^\n]*\n(?:\s*<!--[^]*?-->)?\s*([^\n]+)/m.exec(listing)?.[1].trim() ?? '';
if (!short || short.length > 132)
  throw new Error(`zip-store: the short description must be 1 to 132 characters (it is ${short.length}): "${short}"`);

const files = { 'privacy.md': read('docs', 'privacy.md') };
for (const store of ['chrome', 'firefox']) {
  files[`${store}/description.md`] = read('store', 'description.md');
  for (const s of shots) files[`${store}/screenshots/${s}`] = read('store', 'screenshots', s);
}
files['chrome/icon-128.png'] = read('public', 'icon', '128.png');

const target = join(root, '.output', `why403-${version}-store.zip`);
// Fixed timestamps: the same listing gives the same zip.
const mtime = new Date('2000-01-01T00:00:00Z');
writeFileSync(target, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime }]]))));
console.log(`zip-store: ${target} (${Object.keys(files).length} files)`);
