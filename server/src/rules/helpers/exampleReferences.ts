/**
 * Secrets, ConfigMaps and the main-app Deployment reading them, for rule examples: the Secret and ConfigMap content rules
 * build their objects with exampleSecret/exampleConfigMap; the reference rules' twins (no-missing-secret[-key],
 * no-missing-configmap[-key]) share one valid example, and their invalid ones (and no-secret-in-env-value's) are built
 * from the same parts with the one name or key they get wrong.
 */
import type { RuleExample } from '../../engine/lint/rule';
import { labelledDeployment } from './exampleObjects';

/** A Secret `name` with `lines` after its metadata (`data:` and its entries, as written at the top level). */
export function exampleSecret(lines: readonly string[], name = 'app-secrets'): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${lines.map((line) => `${line}\n`).join('')}`;
}

/** A ConfigMap `name` with `lines` after its metadata. */
export function exampleConfigMap(lines: readonly string[], name = 'app-config'): string {
  // Appended, not joined: a join copies its parts, and no-oversized-secret's example holds a 1.1 MB value.
  return lines.reduce((text, line) => `${text}${line}\n`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
}

/**
 * An entry of a container's `env` that reads `key` of Secret or ConfigMap `name` (block style), as lines of the
 * container (under its `env:`); `more` are further fields of the key reference (`optional: true`).
 */
export function keyRefEnv(env: string, ref: 'secretKeyRef' | 'configMapKeyRef', name: string, key = env, more: readonly string[] = []): string[] {
  return [`  - name: ${env}`, '    valueFrom:', `      ${ref}:`, `        name: ${name}`, `        key: ${key}`, ...more.map((line) => `        ${line}`)];
}

/** The Secret the main-app reads. */
export const APP_SECRETS = exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=', '  DATABASE_URL: cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==']);

/** main-app's env: JWT_SECRET from key `key` of Secret `secret`, OPTIONAL_TOKEN from a Secret not created yet (optional). */
export const secretEnv = (secret = 'app-secrets', key = 'JWT_SECRET'): string[] => [
  'env:',
  ...keyRefEnv('JWT_SECRET', 'secretKeyRef', secret, key),
  ...keyRefEnv('OPTIONAL_TOKEN', 'secretKeyRef', 'not-created-yet', 'TOKEN', ['optional: true']),
];

/** All of app-secrets as env variables. */
export const SECRET_ENV_FROM = ['envFrom:', '  - secretRef:', '      name: app-secrets'];

/** Volumes of app-secrets: its key DATABASE_URL as a file, and JWT_SECRET through a projected volume. */
const SECRET_VOLUMES = [
  'volumes:',
  '  - name: creds',
  '    secret:',
  '      secretName: app-secrets',
  '      items:',
  '        - key: DATABASE_URL',
  '          path: db-url',
  '  - name: projected',
  '    projected:',
  '      sources:',
  '        - secret:',
  '            name: app-secrets',
  '            items:',
  '              - key: JWT_SECRET',
  '                path: jwt',
];

/** main-app reading app-secrets in every way a pod can (key refs, envFrom, volumes, projected), beside the Secret. */
export const SECRET_REFERENCES: RuleExample = {
  files: {
    'main-app-deployment.yaml': labelledDeployment({ container: [...secretEnv(), ...SECRET_ENV_FROM], spec: SECRET_VOLUMES }),
    'app-secrets.yaml': APP_SECRETS,
  },
};

/** The ConfigMap the main-app reads. */
export const APP_CONFIG = exampleConfigMap(['data:', '  LOG_LEVEL: info', '  app.properties: "mode=strict"']);

/** main-app's env: LOG_LEVEL from app-config. */
export const CONFIG_ENV = ['env:', ...keyRefEnv('LOG_LEVEL', 'configMapKeyRef', 'app-config')];

/** All of app-config as env variables. */
export const CONFIG_ENV_FROM = ['envFrom:', '  - configMapRef:', '      name: app-config'];

/** A volume with key `key` of ConfigMap `name` as the file app.properties. */
export const configVolume = (name = 'app-config', key = 'app.properties'): string[] => [
  'volumes:',
  '  - name: config',
  '    configMap:',
  `      name: ${name}`,
  '      items:',
  `        - key: ${key}`,
  '          path: app.properties',
];

/** main-app reading app-config by key, with envFrom and as a volume, beside the ConfigMap. */
export const CONFIGMAP_REFERENCES: RuleExample = {
  files: {
    'main-app-deployment.yaml': labelledDeployment({ container: [...CONFIG_ENV, ...CONFIG_ENV_FROM], spec: configVolume() }),
    'app-config.yaml': APP_CONFIG,
  },
};
