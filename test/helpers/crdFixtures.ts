/**
 * CustomResourceDefinitions for tests: the boilerplate of a CRD serving one version (v1) of a kind of group
 * example.com, written once; each test gives only the schema it is about.
 */

/** The lines of a CRD of `kind` (plural `plural`, group example.com) serving v1, up to and including `openAPIV3Schema:`. */
export function crdHead(kind: string, plural: string): string[] {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    `metadata: {name: ${plural}.example.com}`,
    'spec:',
    '  group: example.com',
    `  names: {kind: ${kind}, plural: ${plural}}`,
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
  ];
}

/** A CRD of kind `Widget` (example.com/v1) whose `spec` schema is `spec` (YAML lines, indented for `spec:`). */
export function widgetCrd(spec: string): string {
  return [...crdHead('Widget', 'widgets'), '          type: object', '          properties:', '            spec:', spec, ''].join('\n');
}
