/** JUnit XML: a test suite per file, a failing test case per finding, one passing case for a clean file. */
import { escapeControl } from './escape';
import type { ReportInput } from './model';

// After escapeControl no C0 control is left; lone surrogates and U+FFFE/U+FFFF are not XML characters either.
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

export function xmlText(text: string): string {
  return escapeControl(text)
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(input: ReportInput): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const { path, findings } of input.results) {
    const name = xmlText(path);
    const cases = findings.map((f) => {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      return (
        `    <testcase name="${where} ${xmlText(f.code)}" classname="${name}">\n` +
        `      <failure type="${xmlText(f.code)}" message="${xmlText(f.message)}">${f.severity} at ${name}:${where}: ${xmlText(f.message)}</failure>\n` +
        `    </testcase>`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase name="${name}" classname="${name}"/>`);
    tests += cases.length;
    failures += findings.length;
    suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${findings.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="biome-manifests" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}
