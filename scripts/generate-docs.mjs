// Writes docs/rules/<id>.md for every rule and built-in code, and the README's rule table, from the
// rule metadata (compiled by `tsc -b` into out/). Run: npm run docs
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { allRules } = require('../out/server/src/rules/index.js');
const { allRuleDocs, withRuleTable } = require('../out/server/src/docs/ruleDocs.js');

const dir = 'docs/rules';
mkdirSync(dir, { recursive: true });
const docs = allRuleDocs(allRules);
for (const name of readdirSync(dir)) if (name.endsWith('.md') && !docs.has(name)) rmSync(join(dir, name));
for (const [name, text] of docs) writeFileSync(join(dir, name), text);
writeFileSync('README.md', withRuleTable(readFileSync('README.md', 'utf8'), allRules));
console.log(`docs: wrote ${docs.size} files in ${dir} and the README rule table`);
