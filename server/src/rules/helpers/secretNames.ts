/** Whether an environment variable's name says it holds a credential. */

/** Words that alone mark a credential. */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'PRIVATEKEY', 'CREDENTIAL', 'CREDENTIALS']);
/** Word pairs that mark a credential (`API_KEY`, `ACCESS_KEY`, …). */
const SECRET_PAIRS = new Set([
  'API KEY',
  'PRIVATE KEY',
  'ACCESS KEY',
  'SECRET KEY',
  'SIGNING KEY',
  'ENCRYPTION KEY',
  'MASTER KEY',
  'CLIENT SECRET',
  'AUTH KEY',
]);
/** A last word that makes the variable about the credential, not the credential itself (`TOKEN_URL`, `PASSWORD_FILE`). */
const NOT_THE_VALUE = new Set([
  'FILE',
  'PATH',
  'DIR',
  'NAME',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'TTL',
  'EXPIRY',
  'EXPIRATION',
  'EXPIRES',
  'TIMEOUT',
  'LENGTH',
  'SIZE',
  'TYPE',
  'HEADER',
  'ENABLED',
  'ENABLE',
  'DISABLED',
  'REQUIRED',
  'ID',
  'MOUNT',
  'REF',
  'KEYS',
  'VERSION',
  'FORMAT',
  'ALGORITHM',
  'ALG',
  'ISSUER',
  'AUDIENCE',
  'SCOPE',
  'SCOPES',
  'PROVIDER',
  'POLICY',
  'STORE',
  'LIFETIME',
  'DURATION',
  'REFRESH',
  'PREFIX',
]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toUpperCase());
}

/** True for `DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`; false for `TOKEN_URL`, `PASSWORD_FILE`, `NODE_ENV`. */
export function isSecretName(name: string): boolean {
  const w = words(name);
  if (w.length === 0 || NOT_THE_VALUE.has(w[w.length - 1]!)) return false;
  if (w.some((word) => SECRET_WORDS.has(word))) return true;
  for (let i = 0; i + 1 < w.length; i++) if (SECRET_PAIRS.has(`${w[i]} ${w[i + 1]}`)) return true;
  return false;
}

/**
 * True for values that cannot be a credential: empty, booleans, small numbers, and references
 * filled in elsewhere — `$(VAR)` (Kubernetes), `${VAR}` (envsubst, Flux), `<placeholder>`.
 */
export function isHarmlessValue(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    /^(true|false|yes|no|on|off|none|null|disabled|enabled)$/i.test(v) ||
    /^\d{1,5}$/.test(v) ||
    /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v) ||
    /^\$\{[^}]+\}$/.test(v) ||
    /^<[^<>]+>$/.test(v)
  );
}
