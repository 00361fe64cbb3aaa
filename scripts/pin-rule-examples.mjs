// Pins the invalid examples of converted rules: each bare example in `invalid: [...]` becomes
// `{ example, messageId, line, column, output? }` with what the rule reports on it now (`output`: the file's
// text after the first fix, or `{ file: text }` of each file a fix that reaches other files changes). Review the
// pins before committing: they are the expected result the meta-test holds the rule to.
// Run: npx tsc -b && node scripts/pin-rule-examples.mjs <rule-id>...
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { allRules } = require('../out/server/src/rules/index.js');
const { applyFix, fileOf, filesOf, findingsOf } = require('../out/test/helpers/ruleExamples.js');

/** A template literal holding `text` exactly. */
function literal(text) {
  return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

function pinOf(rule, example, source) {
  const findings = findingsOf(rule, example);
  if (findings.length !== 1) throw new Error(`${rule.id}: an invalid example yields ${findings.length} findings`);
  const finding = findings[0];
  if (finding.messageId === undefined) throw new Error(`${rule.id}: the finding has no messageId (not converted?)`);
  const files = filesOf(example);
  const file = fileOf(finding);
  const defaultFile = files['example.yaml'] !== undefined ? 'example.yaml' : Object.keys(files)[0];
  const parts = [`example: ${source}`];
  const where = [`messageId: '${finding.messageId}'`];
  if (file !== defaultFile) where.push(`file: '${file}'`);
  where.push(`line: ${finding.range.start.line + 1}`, `column: ${finding.range.start.character + 1}`);
  parts.push(where.join(', '));
  const fix = finding.data?.fixes?.[0];
  if (fix) {
    const after = applyFix(example, fix);
    const changed = Object.keys(files).filter((name) => after[name] !== files[name]);
    // The finding's file alone as a string; every changed file by name when the fix reaches others.
    if (changed.every((name) => name === file)) parts.push(`output: ${literal(after[file])}`);
    else parts.push(`output: {\n${changed.map((name) => `        '${name}': ${literal(after[name])},`).join('\n')}\n      }`);
  }
  return `{\n      ${parts.join(',\n      ')},\n    }`;
}

function invalidArray(sourceFile) {
  let found;
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(sourceFile) === 'invalid' && ts.isArrayLiteralExpression(node.initializer)) found = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

for (const id of process.argv.slice(2)) {
  const rule = allRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const path = `server/src/rules/${id}.ts`;
  const text = readFileSync(path, 'utf8');
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const array = invalidArray(sourceFile);
  if (!array) throw new Error(`${id}: no literal invalid: [...] array`);
  let out = text;
  // From the end, so earlier offsets stay valid.
  [...array.elements]
    .map((element, i) => ({ element, example: rule.invalid[i] }))
    .reverse()
    .forEach(({ element, example }) => {
      if (typeof example !== 'string' && 'example' in example) return; // pinned already
      const start = element.getStart(sourceFile);
      out = out.slice(0, start) + pinOf(rule, example, element.getText(sourceFile)) + out.slice(element.end);
    });
  writeFileSync(path, out);
  console.log(`pinned ${id}`);
}
