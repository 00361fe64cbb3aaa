// Writes schemas/kustomize.json: the kustomize API (kustomize.config.k8s.io/v1beta1 Kustomization and
// v1alpha1 Component, as of kustomize v5.x / kubectl 1.34), hand-listed from kustomize's api/types since no npm
// package ships it with field docs. Usage: node scripts/kustomize-schema.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const P = 'kustomize.';
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const bool = (description) => ({ type: 'boolean', description });
const int = (description) => ({ type: 'integer', description });
const strings = (description) => ({ type: 'array', items: { type: 'string' }, description });
const stringMap = (description) => ({ type: 'object', additionalProperties: { type: 'string' }, description });
const ref = (name, description) => ({ $ref: `#/definitions/${P}${name}`, description });
const list = (name, description) => ({ type: 'array', items: { $ref: `#/definitions/${P}${name}` }, description });
const object = (description, properties, required = []) => ({ type: 'object', description, properties, required, additionalProperties: false });
const DEPRECATED = (what) => `Deprecated: ${what}.`;

const gvk = { group: 'kustomize.config.k8s.io', version: 'v1beta1' };
const resId = {
  group: str('API group of the object (`apps`; empty for the core group).'),
  version: str('API version of the object (`v1`).'),
  kind: str('Kind of the object (`Deployment`).'),
  name: str('Name of the object.'),
  namespace: str('Namespace of the object.'),
};

const definitions = {
  [`${P}ObjectMeta`]: object('Metadata of the kustomization itself (kustomize ignores all but `name`).', {
    name: str('Name of the kustomization.'),
    namespace: str('Namespace of the kustomization (not applied to resources; use the top-level `namespace`).'),
    labels: stringMap('Labels of the kustomization itself.'),
    annotations: stringMap('Annotations of the kustomization itself (e.g. `config.kubernetes.io/local-config`).'),
  }),
  [`${P}Selector`]: object('Selects objects by id, label selector and annotation selector. `name`, `kind`, … are anchored regular expressions.', {
    ...resId,
    labelSelector: str('Label selector, as in `kubectl get -l` (`app=web,tier!=db`).'),
    annotationSelector: str('Annotation selector, in label-selector syntax.'),
  }),
  [`${P}Patch`]: object(
    'A strategic merge patch or a JSON 6902 patch, from a file (`path`) or inline (`patch`), applied to the objects `target` selects (or, for a strategic merge patch without target, to the object it names).',
    {
      path: str('File of the patch, relative to this kustomization.'),
      patch: str('The patch itself, inline (a YAML strategic merge patch or a JSON 6902 operation list).'),
      target: ref('Selector', 'Which objects the patch applies to; required for JSON 6902 patches.'),
      options: { type: 'object', additionalProperties: { type: 'boolean' }, description: 'Patch options: `allowNameChange`, `allowKindChange`.' },
    },
  ),
  [`${P}FieldSpec`]: object('A field of some kinds of objects that a transformer writes.', {
    group: str('API group the field applies to.'),
    version: str('API version the field applies to.'),
    kind: str('Kind the field applies to.'),
    path: str('Slash-separated field path (`spec/selector/matchLabels`).'),
    create: bool('Create the field when it is missing.'),
  }),
  [`${P}Label`]: object(
    'Labels to add to every object, and optionally to selectors and pod templates.',
    {
      pairs: stringMap('The labels to add.'),
      includeSelectors: bool(
        'Also add the labels to selectors (`spec.selector`, Service selectors) and templates. Changing selectors of existing workloads is rejected by the API server.',
      ),
      includeTemplates: bool('Also add the labels to pod templates (implied by `includeSelectors`).'),
      fields: list('FieldSpec', 'Further fields to add the labels to.'),
    },
    ['pairs'],
  ),
  [`${P}Image`]: object(
    'Changes the image name, tag or digest of containers whose image name is `name`.',
    {
      name: str('Image name to match (without tag or digest).'),
      newName: str('Replacement image name.'),
      newTag: str('Replacement tag.'),
      digest: str('Replacement digest (`sha256:…`); takes precedence over `newTag`.'),
      tagSuffix: str('Suffix appended to the tag.'),
    },
    ['name'],
  ),
  [`${P}Replica`]: object(
    'Sets the replica count of the workload named `name`.',
    {
      name: str('Name of the Deployment, StatefulSet, ReplicaSet or ReplicationController.'),
      count: int('The replica count.'),
    },
    ['name', 'count'],
  ),
  [`${P}FieldOptions`]: object('How a replacement reads or writes a part of a field value.', {
    delimiter: str('Splits the value on this delimiter.'),
    index: int('Which part of the split value to use.'),
    encoding: str('Encoding of the value (`base64`).'),
    create: bool('Create the target field when it is missing.'),
  }),
  [`${P}SourceSelector`]: object('The object and field a replacement copies from.', {
    ...resId,
    fieldPath: str('Dot-separated path of the source field (default `metadata.name`).'),
    options: ref('FieldOptions', 'How to read the source value.'),
  }),
  [`${P}TargetSelector`]: object('The objects and fields a replacement writes to.', {
    select: ref('Selector', 'Objects to write to.'),
    reject: list('Selector', 'Objects to leave alone.'),
    fieldPaths: strings('Dot-separated paths of the fields to write.'),
    options: ref('FieldOptions', 'How to write the value.'),
  }),
  [`${P}Replacement`]: object('Copies a field of one object into fields of others (the replacement for `vars`), inline or from a file (`path`).', {
    path: str('File holding the replacement, relative to this kustomization.'),
    source: ref('SourceSelector', 'Where the value comes from.'),
    targets: list('TargetSelector', 'Where the value goes.'),
  }),
  [`${P}VarTarget`]: object('The object a var reads from.', {
    ...resId,
    apiVersion: str('apiVersion of the object (instead of group and version).'),
  }),
  [`${P}Var`]: object(
    DEPRECATED('use `replacements`') + ' A $(NAME) placeholder replaced with a field of an object.',
    {
      name: str('Name of the var, used as `$(name)`.'),
      objref: ref('VarTarget', 'The object to read.'),
      fieldref: object('The field to read.', { fieldpath: str('Dot-separated path (default `metadata.name`).') }),
    },
    ['name', 'objref'],
  ),
  [`${P}GeneratorOptions`]: object('Options of generated ConfigMaps and Secrets.', {
    labels: stringMap('Labels to add to generated objects.'),
    annotations: stringMap('Annotations to add to generated objects.'),
    disableNameSuffixHash: bool('Do not append the content hash to generated names.'),
    immutable: bool('Mark generated objects immutable.'),
  }),
  [`${P}HelmGlobals`]: object('Where helm charts and configuration are kept.', {
    chartHome: str('Folder of the charts (default `charts`), relative to this kustomization.'),
    configHome: str('Helm configuration folder (`HELM_CONFIG_HOME`).'),
  }),
  [`${P}HelmChart`]: object(
    'A helm chart to render with `helm template` (needs `--enable-helm`).',
    {
      name: str('Chart name.'),
      version: str('Chart version.'),
      repo: str('Chart repository URL.'),
      releaseName: str('Release name.'),
      namespace: str('Release namespace.'),
      additionalValuesFiles: strings('Further values files.'),
      valuesFile: str('Values file.'),
      valuesInline: { type: 'object', description: 'Values, inline.' },
      valuesMerge: str('How `valuesInline` combines with `valuesFile`.', { enum: ['', 'merge', 'override', 'replace'] }),
      includeCRDs: bool("Render the chart's CRDs too."),
      skipHooks: bool('Leave out hooks.'),
      skipTests: bool('Leave out tests.'),
      apiVersions: strings('Kubernetes API versions for `Capabilities.APIVersions`.'),
      kubeVersion: str('Kubernetes version for `Capabilities.KubeVersion`.'),
      nameTemplate: str('Template for the release name.'),
      debug: bool('Run helm with `--debug`.'),
    },
    ['name'],
  ),
  [`${P}SortOptions`]: object('The order of the output objects.', {
    order: str('`legacy` (kinds in dependency order) or `fifo` (input order).', { enum: ['legacy', 'fifo'] }),
    legacySortOptions: object('Kinds to put first and last in `legacy` order.', { orderFirst: strings('Kinds first.'), orderLast: strings('Kinds last.') }),
  }),
};

const generatorArgs = {
  name: str('Name of the generated object (a content hash is appended unless disabled).'),
  namespace: str('Namespace of the generated object.'),
  behavior: str('`create` (default), or `merge`/`replace` an object of that name from a base.', { enum: ['', 'create', 'merge', 'replace'] }),
  literals: strings('`KEY=value` entries.'),
  files: strings('Files whose content becomes a key (`[key=]path`, relative to this kustomization).'),
  envs: strings('Env files (`KEY=value` lines), relative to this kustomization.'),
  env: str(DEPRECATED('use `envs`') + ' One env file.'),
  options: ref('GeneratorOptions', 'Options of this generated object.'),
};
definitions[`${P}ConfigMapArgs`] = object('A ConfigMap generated from literals, files and env files.', generatorArgs);
definitions[`${P}SecretArgs`] = object('A Secret generated from literals, files and env files.', {
  ...generatorArgs,
  type: str('Secret type (default `Opaque`).'),
});

definitions[`${P}Kustomization`] = {
  ...object(
    'A kustomization: resources to gather and transformations to apply (`kubectl kustomize`, `kubectl apply -k`). A Component (v1alpha1) has the same fields and is included with `components`.',
    {
      apiVersion: str('`kustomize.config.k8s.io/v1beta1` (Component: `kustomize.config.k8s.io/v1alpha1`).'),
      kind: str('`Kustomization` or `Component`.', { enum: ['Kustomization', 'Component'] }),
      metadata: ref('ObjectMeta', 'Metadata of the kustomization itself.'),
      openapi: stringMap('OpenAPI schema for custom resources (`path:` a file, or `version:`).'),
      namespace: str('Namespace set on every namespaced object.'),
      namePrefix: str('Prefix added to every object name (and to references to them).'),
      nameSuffix: str('Suffix added to every object name (and to references to them).'),
      commonLabels: stringMap(
        DEPRECATED('use `labels` (with `includeSelectors: true` for the same effect)') + ' Labels added to every object, its selectors and pod templates.',
      ),
      labels: list('Label', 'Labels added to every object; optionally to selectors and templates.'),
      commonAnnotations: stringMap('Annotations added to every object and pod template.'),
      patchesStrategicMerge: strings(DEPRECATED('use `patches`') + ' Strategic merge patch files (or inline patches).'),
      patchesJson6902: list('Patch', DEPRECATED('use `patches`, which takes the same `target` and `path`') + ' JSON 6902 patches.'),
      patches: list('Patch', 'Patches (strategic merge or JSON 6902) from files or inline, with an optional target.'),
      images: list('Image', 'Changes of container image names, tags and digests.'),
      imageTags: list('Image', DEPRECATED('use `images`') + ' Image changes.'),
      replacements: list('Replacement', 'Copies fields between objects.'),
      replicas: list('Replica', 'Replica counts of workloads.'),
      vars: list('Var', DEPRECATED('use `replacements`') + ' $(VAR) substitutions.'),
      sortOptions: ref('SortOptions', 'The order of the output.'),
      resources: strings(
        'Files, folders (other kustomizations) and remote URLs (`github.com/org/repo/path?ref=v1`) of the objects to include, relative to this kustomization.',
      ),
      components: strings('Folders of kustomize Components to apply, relative to this kustomization.'),
      crds: strings('Files of CustomResourceDefinitions whose fields kustomize should know (for name references).'),
      bases: strings(DEPRECATED('use `resources`') + ' Folders of base kustomizations.'),
      configMapGenerator: list('ConfigMapArgs', 'ConfigMaps to generate.'),
      secretGenerator: list('SecretArgs', 'Secrets to generate.'),
      generatorOptions: ref('GeneratorOptions', 'Options of every generated ConfigMap and Secret.'),
      helmGlobals: ref('HelmGlobals', 'Where helm charts are kept.'),
      helmCharts: list('HelmChart', 'Helm charts to render (needs `--enable-helm`).'),
      helmChartInflationGenerator: { type: 'array', items: { type: 'object' }, description: DEPRECATED('use `helmCharts`') + ' Helm charts to render.' },
      configurations: strings('Transformer configuration files (which fields hold names, labels, …).'),
      generators: strings('Files or folders of generator plugins.'),
      transformers: strings('Files or folders of transformer plugins.'),
      validators: strings('Files or folders of validator plugins.'),
      buildMetadata: {
        type: 'array',
        items: { type: 'string', enum: ['managedByLabel', 'originAnnotations', 'transformerAnnotations'] },
        description: 'Build information to add to the output objects.',
      },
    },
  ),
  'x-kubernetes-group-version-kind': [
    { ...gvk, kind: 'Kustomization' },
    { group: gvk.group, version: 'v1alpha1', kind: 'Component' },
  ],
};

const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'kustomize.json');
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  description: 'kustomize Kustomization (v1beta1) and Component (v1alpha1), written by scripts/kustomize-schema.mjs. Do not edit.',
  definitions: sorted,
  $ref: `#/definitions/${P}Kustomization`,
};
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`kustomize-schema: ${Object.keys(sorted).length} definitions → schemas/kustomize.json`);
