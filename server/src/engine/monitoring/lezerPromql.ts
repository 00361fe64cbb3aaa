/** The PromQL grammar, loaded through its CommonJS build. */
import type { LRParser } from '@lezer/lr';

// The package declares its types for ES module imports only, though it ships the CommonJS build `require` loads
// (and the bundles are CommonJS): the parser is typed here with @lezer/lr's own CommonJS declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const promql = require('@prometheus-io/lezer-promql') as { parser: LRParser };

export const parser: LRParser = promql.parser;
