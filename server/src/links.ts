/**
 * Public addresses of the project, kept equal to package.json's `homepage` and `bugs.url` by a unit
 * test: SARIF help URIs and the CLI's internal-error message need absolute URLs that work on any machine.
 */
export const PROJECT_URL = 'https://github.com/biome-manifests/biome-manifests';
export const BUGS_URL = `${PROJECT_URL}/issues`;

/** The rule's documentation page in the repository (docs/rules/<code>.md, generated from the rule metadata). */
export function ruleDocUrl(code: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(code)}.md`;
}
