// Deterministic corpus generator for the benchmark: Kubernetes services of five documents each
// (Deployment, Service, HPA, ConfigMap, Secret), with a few deliberate mistakes at fixed places.
// The same seed gives byte-identical files, so runs on different days compare like with like.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small, fast, seedable PRNG (mulberry32): the corpus must not depend on Math.random. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['cart', 'search', 'billing', 'ledger', 'auth', 'media', 'notify', 'report', 'catalog', 'profile', 'inventory', 'gateway'];

function extraEnv(n) {
  let out = '';
  for (let i = 0; i < 16; i++) out += `            - name: SETTING_${i}\n              value: "${(n * 31 + i * 7) % 1000}"\n`;
  return out;
}

function appConfig(name, n) {
  let out = `    server:\n      name: ${name}\n      port: ${3000 + (n % 50)}\n    routes:\n`;
  for (let i = 0; i < 10; i++)
    out += `      - path: /api/v1/${WORDS[(n + i) % WORDS.length]}\n        timeoutMs: ${500 + i * 100}\n        retries: ${i % 3}\n`;
  return out;
}

export function serviceName(n) {
  return `${WORDS[n % WORDS.length]}-${n}`;
}

/** The five documents of service number `n`; `mistake` selects one deliberate error (or none). */
function serviceDocs(n, rand, mistake) {
  const name = serviceName(n);
  const port = 3000 + (n % 50);
  const cpu = `${100 + Math.floor(rand() * 400)}m`;
  const mem = `${128 + Math.floor(rand() * 384)}Mi`;
  // An HPA scales every Deployment, so only the deliberate mistakes set replicas.
  const replicas = mistake === 'replicas-type' ? '  replicas: "two"\n' : '';
  const image = mistake === 'latest' ? `registry.example.com/${name}:latest` : `registry.example.com/${name}:1.${n % 17}.${Math.floor(rand() * 9)}`;
  const requests = mistake === 'no-cpu-request' ? `              memory: ${mem}` : `              cpu: ${cpu}\n              memory: ${mem}`;
  const unknownField = mistake === 'unknown-field' ? '      restartPolicyy: Always\n' : '';
  const secretKey = mistake === 'missing-secret-key' ? 'DB_PASSWORDX' : 'DB_PASSWORD';
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
    tier: backend
    team: team-${n % 7}
  annotations:
    example.com/owner: "team-${n % 7}@example.com"
    example.com/runbook: "https://runbooks.example.com/${name}"
spec:
${replicas}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: backend
    spec:
${unknownField}      serviceAccountName: ${name}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      volumes:
        - name: config
          configMap:
            name: ${name}-config
        - name: tmp
          emptyDir: {}
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - name: http
              containerPort: ${port}
          env:
            - name: LOG_LEVEL
              value: "info"
            - name: PORT
              value: "${port}"
${extraEnv(n)}            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${name}-secrets
                  key: ${secretKey}
          envFrom:
            - configMapRef:
                name: ${name}-config
          resources:
            requests:
${requests}
            limits:
              memory: ${mem}
          volumeMounts:
            - name: config
              mountPath: /etc/${name}
              readOnly: true
            - name: tmp
              mountPath: /tmp
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 20
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  type: ClusterIP
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: ${port}
`;
  const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: ${6 + (n % 10)}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: ${50 + (n % 4) * 10}
`;
  const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
data:
  FEATURE_FLAGS: "search,recommendations"
  CACHE_TTL_SECONDS: "${60 + (n % 5) * 30}"
  UPSTREAM_URL: "http://${WORDS[(n + 1) % WORDS.length]}-${n + 1}:80"
  application.yaml: |
${appConfig(name, n)}`;
  const password = Buffer.from(`pw-${name}-${Math.floor(rand() * 1e9)}`).toString('base64');
  const secret = `apiVersion: v1
kind: Secret
metadata:
  name: ${name}-secrets
type: Opaque
data:
  DB_PASSWORD: ${password}
  API_TOKEN: ${Buffer.from(`tok-${n}`).toString('base64')}
`;
  return [deployment, service, hpa, configMap, secret];
}

/** One deliberate error every `every` services, cycling through the kinds of mistake. */
const MISTAKES = ['latest', 'no-cpu-request', 'replicas-type', 'unknown-field', 'missing-secret-key'];
function mistakeFor(n, every) {
  return n % every === every - 1 ? MISTAKES[Math.floor(n / every) % MISTAKES.length] : undefined;
}

/** `files` files of one service (5 documents) each under `dir/biome/`. */
export function writeManyFiles(dir, files, seed = 42) {
  const rand = prng(seed);
  const out = join(dir, 'biome');
  mkdirSync(out, { recursive: true });
  const paths = [];
  for (let n = 0; n < files; n++) {
    const docs = serviceDocs(n, rand, mistakeFor(n, Math.max(10, Math.floor(files / 10))));
    const path = join(out, `${serviceName(n)}.yaml`);
    writeFileSync(path, docs.join('---\n'));
    paths.push(path);
  }
  return paths;
}

/** One file of `documents` documents (services of five documents each). */
export function writeBigFile(dir, documents, seed = 7) {
  const rand = prng(seed);
  mkdirSync(dir, { recursive: true });
  const all = [];
  for (let n = 0; all.length < documents; n++) all.push(...serviceDocs(n, rand, mistakeFor(n, 200)));
  const path = join(dir, 'all-in-one.yaml');
  writeFileSync(path, all.slice(0, documents).join('---\n'));
  return path;
}

/**
 * The documents of service `n` with the mistakes generated manifests really carry, several per
 * service: Secret keys and ConfigMaps that do not exist, a port declared twice, a probe on a port
 * the container does not name, a Service targeting an undeclared port, a `:latest` image.
 */
function findingsHeavyDocs(n, rand) {
  const name = serviceName(n);
  const port = 3000 + (n % 50);
  let [deployment, service, hpa, configMap, secret] = serviceDocs(n, rand, undefined);
  if (n % 2 === 0) deployment = deployment.replace('key: DB_PASSWORD\n', 'key: DB_PASSWORD_MISSING\n');
  if (n % 3 === 0)
    deployment = deployment.replace(`configMapRef:\n                name: ${name}-config\n`, `configMapRef:\n                name: ${name}-settings\n`);
  if (n % 4 === 1) {
    deployment = deployment.replace(
      `              containerPort: ${port}\n`,
      `              containerPort: ${port}\n            - name: http-alt\n              containerPort: ${port}\n`,
    );
  }
  if (n % 5 === 2) deployment = deployment.replace('path: /ready\n              port: http\n', 'path: /ready\n              port: metrics\n');
  if (n % 2 === 1) service = service.replace(`targetPort: ${port}\n`, `targetPort: ${port + 1000}\n`);
  if (n % 3 === 1) deployment = deployment.replace(/image: (\S+):[^\n]+\n/, 'image: $1:latest\n');
  return [deployment, service, hpa, configMap, secret];
}

/** One file of `documents` documents with thousands of findings (see findingsHeavyDocs). */
export function writeFindingsFile(dir, documents, seed = 11) {
  const rand = prng(seed);
  mkdirSync(dir, { recursive: true });
  const all = [];
  for (let n = 0; all.length < documents; n++) all.push(...findingsHeavyDocs(n, rand));
  const path = join(dir, 'findings.yaml');
  writeFileSync(path, all.slice(0, documents).join('---\n'));
  return path;
}

/**
 * Writes (or reuses) the corpora under `root`: a marker file holds the parameters, so a changed
 * generator or size regenerates.
 */
export function ensureCorpus(root, name, build) {
  const dir = join(root, name);
  const marker = join(dir, '.corpus');
  const stamp = `v1 ${name}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  build(dir);
  writeFileSync(marker, stamp);
  return dir;
}
