// The CEL rules (`x-kubernetes-validations`) of the catalog's CRDs, from what the @kubernetes-models packages keep
// of them: their generator drops the CRDs' `x-kubernetes-validations`, but Gateway API writes some of its rules as
// markers in the API documentation, which the packages carry into their JSDoc:
//   <gateway:standard:validation:XValidation:message="…",rule="…">
// A standard-channel marker is the rule the standard CRDs have; an experimental-channel marker next to one is the
// experimental CRDs' variant of the same rule (left out: the catalog checks as the standard CRDs do), and one alone
// is a rule on an experimental field (kept: it only applies when that field is used).
// Used by scripts/crd-catalog.mjs, which moves the markers out of the descriptions (hovers) into the schema.

const MARKER = /^\s*<gateway:(standard|experimental):validation:XValidation:(.*)>\s*$/;
const ATTRIBUTE = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** `text` without its XValidation marker lines, and the rules they state (as `x-kubernetes-validations` entries). */
export function splitValidations(text) {
  if (!text || !text.includes('XValidation')) return { description: text, validations: [] };
  const kept = [];
  const found = [];
  for (const line of text.split('\n')) {
    const marker = MARKER.exec(line);
    if (!marker) {
      kept.push(line);
      continue;
    }
    const attributes = Object.fromEntries([...marker[2].matchAll(ATTRIBUTE)].map(([, key, value]) => [key, value.replace(/\\(.)/g, '$1')]));
    if (typeof attributes.rule === 'string') found.push({ channel: marker[1], rule: attributes.rule, message: attributes.message });
  }
  const hasStandard = found.some((f) => f.channel === 'standard');
  const validations = found
    .filter((f) => f.channel === 'standard' || !hasStandard)
    .map(({ rule, message }) => (message === undefined ? { rule } : { message, rule }));
  const description = kept.join('\n').trim();
  return { description: description || undefined, validations };
}

/** `schema` with the rules of `text`'s markers added (a new object when there are any). */
export function withValidations(schema, validations) {
  return validations.length > 0 ? { ...schema, 'x-kubernetes-validations': validations } : schema;
}

/**
 * Defaults the API server applies before these rules run, which the packages do not state in a form a script can
 * read (their JSDoc says "When unspecified, … is inferred"): the Gateway API's parentRefs rules compare `group` and
 * `kind` of every pair of references, and without the defaults a reference that leaves them out (most do) could not
 * be evaluated. From the Gateway API CRDs (`default:` of ParentReference.group and .kind).
 */
const DEFAULTS = new Map([['IParentReference', { group: 'gateway.networking.k8s.io', kind: 'Gateway' }]]);

/** `schema` (an object schema of the type named `typeName` from `file`) with the defaults of DEFAULTS set. */
export function withDefaults(schema, typeName, file) {
  const defaults = /[\\/]@kubernetes-models[\\/]gateway-api[\\/]/.test(file) ? DEFAULTS.get(typeName) : undefined;
  if (!defaults || !schema.properties) return schema;
  for (const [name, value] of Object.entries(defaults)) if (schema.properties[name]) schema.properties[name] = { ...schema.properties[name], default: value };
  return schema;
}
