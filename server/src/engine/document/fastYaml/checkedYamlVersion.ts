/**
 * The `yaml` release the fast parser was last checked against (test/unit/fast-parse.test.ts and
 * the differential tests). The fast parser builds yaml's AST by hand (node classes, ranges, scalar
 * types, sources), which a yaml release may change without a major version: package.json pins
 * yaml exactly, and test/unit/yaml-version.test.ts fails when the installed yaml differs from this.
 * To move: install the new yaml, run the differential tests and the bench, then change both.
 */
export const CHECKED_YAML_VERSION = '2.9.1';
