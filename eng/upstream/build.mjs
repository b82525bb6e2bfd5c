// Builds the current Smart Sessions contracts from the upstream git directories and writes one JSON file the
// devnet deploys from (SessionGen.Devnet's DevnetOptions.UpstreamContracts). Prints that file's path on stdout.
//
//   node build.mjs <erc7579/smartsessions git dir> <rhinestonewtf/core-modules git dir> [--mode compile|artifacts]
//
//   compile   (default) compiles each contract's shipped standard-JSON input (artifacts/<Name>/verify.json) with
//             solc-js and checks that the bytecode equals the shipped artifact's, byte for byte;
//   artifacts reads the bytecode of the shipped artifacts (artifacts/<Name>/<Name>.json) without compiling.
//
// Salts come from each repository's Deploy.toml ([deployments.singleton.<Name>] salt), the CREATE2 salts the
// upstream deployment used. Nothing third-party is stored in this repository: sources and bytecode are read from
// the git directories at run time, and the output goes to .cache/ (ignored), keyed by the commits, the mode, the
// compiler and this script, so a second run with the same inputs costs nothing.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const here = dirname(self);

// What the suite deploys: the module, the six policies it ships and the session validator of the current deployment.
const targets = [
  { repo: 'smartsessions', name: 'SmartSession' },
  { repo: 'smartsessions', name: 'SudoPolicy' },
  { repo: 'smartsessions', name: 'TimeFramePolicy' },
  { repo: 'smartsessions', name: 'UsageLimitPolicy' },
  { repo: 'smartsessions', name: 'ValueLimitPolicy' },
  { repo: 'smartsessions', name: 'ERC20SpendingLimitPolicy' },
  { repo: 'smartsessions', name: 'UniActionPolicy' },
  { repo: 'core-modules', name: 'OwnableValidator' },
];

const git = (gitDir, ...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30 }).toString();
const show = (gitDir, path) => git(gitDir, 'show', `HEAD:${path}`);
const hex = (h) => (h.startsWith('0x') ? h : '0x' + h).toLowerCase();

// ---- worker: compile one standard-JSON input, write {creation, runtime, ms} -------------------------------------
if (process.argv[2] === '--worker') {
  const [, , , inputPath, file, name, outPath] = process.argv;
  const { default: solc } = await import('solc');
  const input = JSON.parse(readFileSync(inputPath, 'utf8'));
  // Only the target's bytecode is asked for: the output selection does not change the bytecode, only the work.
  input.settings.outputSelection = { [file]: { [name]: ['evm.bytecode.object', 'evm.deployedBytecode.object'] } };
  const started = performance.now();
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(errors.map((e) => e.formattedMessage).join('\n') + '\n');
    process.exit(1);
  }
  const contract = output.contracts[file][name];
  writeFileSync(outPath, JSON.stringify({
    compiler: solc.version(),
    ms: Math.round(performance.now() - started),
    creation: hex(contract.evm.bytecode.object),
    runtime: hex(contract.evm.deployedBytecode.object),
  }));
  process.exit(0);
}

// ---- main -----------------------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const modeAt = args.indexOf('--mode');
const mode = modeAt >= 0 ? args.splice(modeAt, 2)[1] : 'compile';
if (args.length !== 2 || !['compile', 'artifacts'].includes(mode)) {
  process.stderr.write('usage: node build.mjs <smartsessions git dir> <core-modules git dir> [--mode compile|artifacts]\n');
  process.exit(2);
}
const gitDirs = { smartsessions: resolve(args[0]), 'core-modules': resolve(args[1]) };
const started = performance.now();

const heads = Object.fromEntries(Object.entries(gitDirs).map(([repo, gitDir]) => {
  const [commit, date, ...subject] = git(gitDir, 'log', '-1', '--format=%H%n%cI%n%s').trim().split('\n');
  return [repo, { commit, date, subject: subject.join(' ') }];
}));

const solcPackage = JSON.parse(readFileSync(join(here, 'node_modules', 'solc', 'package.json'), 'utf8'));
const key = createHash('sha256')
  .update(readFileSync(self))
  .update(solcPackage.version)
  .update(mode)
  .update(JSON.stringify(heads))
  .digest('hex')
  .slice(0, 24);
const cacheDir = join(here, '.cache');
const out = join(cacheDir, `contracts-${key}.json`);
if (existsSync(out)) {
  process.stdout.write(out + '\n');
  process.exit(0);
}
mkdirSync(cacheDir, { recursive: true });

// CREATE2 salts of the upstream deployment, per contract name.
function deploySalts(gitDir) {
  const salts = {};
  let section = null;
  for (const raw of show(gitDir, 'Deploy.toml').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    const header = /^\[deployments\.singleton\.(\w+)\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    if (line.startsWith('[')) section = null;
    const salt = /^salt\s*=\s*"(0x[0-9a-fA-F]{64})"/.exec(line);
    if (section && salt) salts[section] = salt[1].toLowerCase();
  }
  return salts;
}
const salts = Object.fromEntries(Object.entries(gitDirs).map(([repo, gitDir]) => [repo, deploySalts(gitDir)]));

const work = join(cacheDir, `work-${key}`);
mkdirSync(work, { recursive: true });
const jobs = targets.map((t) => {
  const gitDir = gitDirs[t.repo];
  const artifact = JSON.parse(show(gitDir, `artifacts/${t.name}/${t.name}.json`));
  const metadata = typeof artifact.rawMetadata === 'string' ? JSON.parse(artifact.rawMetadata) : artifact.metadata;
  const [[file, name]] = Object.entries(metadata.settings.compilationTarget);
  if (name !== t.name) throw new Error(`artifacts/${t.name}: compilation target is ${name}`);
  const salt = salts[t.repo][t.name];
  if (!salt) throw new Error(`${t.repo} Deploy.toml has no salt for ${t.name}`);
  const inputPath = join(work, `${t.name}.input.json`);
  writeFileSync(inputPath, show(gitDir, `artifacts/${t.name}/verify.json`));
  return {
    ...t,
    file,
    salt,
    inputPath,
    compilerInArtifact: metadata.compiler.version,
    shipped: { creation: hex(artifact.bytecode.object), runtime: hex(artifact.deployedBytecode.object) },
  };
});

function compile(job) {
  const outPath = join(work, `${job.name}.out.json`);
  return new Promise((resolveJob, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', self, '--worker', job.inputPath, job.file, job.name, outPath], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolveJob(JSON.parse(readFileSync(outPath, 'utf8'))) : reject(new Error(`solc-js failed for ${job.name} (exit ${code})`))));
  });
}

const results = new Map();
if (mode === 'compile') {
  // Two workers: the machine has two cores. SmartSession (the slowest by far) goes first.
  const queue = [...jobs].sort((a, b) => (a.name === 'SmartSession' ? -1 : b.name === 'SmartSession' ? 1 : 0));
  const workers = Math.max(1, Number(process.env.UPSTREAM_BUILD_JOBS ?? 2));
  await Promise.all(Array.from({ length: workers }, async () => {
    while (queue.length > 0) {
      const job = queue.shift();
      results.set(job, await compile(job));
    }
  }));
}

const contracts = {};
const mismatched = [];
for (const job of jobs) {
  const built = results.get(job);
  const entry = {
    repository: job.repo,
    source: job.file,
    salt: job.salt,
    compiler: built?.compiler ?? job.compilerInArtifact,
    creation: built?.creation ?? job.shipped.creation,
    runtime: built?.runtime ?? job.shipped.runtime,
  };
  if (built) {
    entry.compileMs = built.ms;
    entry.identicalToShippedArtifact = built.creation === job.shipped.creation && built.runtime === job.shipped.runtime;
    if (!entry.identicalToShippedArtifact) mismatched.push(job.name);
  }
  contracts[job.name] = entry;
}
if (mismatched.length > 0) {
  // Byte identity is what makes the CREATE2 addresses the real ones: a difference is a build error, not a warning.
  process.stderr.write(`solc-js output differs from the shipped artifacts for: ${mismatched.join(', ')}\n`);
  process.exit(1);
}

const result = {
  mode,
  solc: solcPackage.version,
  buildMs: Math.round(performance.now() - started),
  repositories: heads,
  contracts,
};
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, JSON.stringify(result, null, 1));
renameSync(tmp, out);
process.stdout.write(out + '\n');
