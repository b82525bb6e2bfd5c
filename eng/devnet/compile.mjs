// Compiles the devnet contracts with solc-js and gathers every bytecode the devnet deploys into one JSON
// file: eng/devnet/.cache/artifacts-<hash>.json, where <hash> covers this script, the compiler version and
// every input, so an unchanged tree costs one hash and no compile. Prints the file's path on stdout.
//
//   contracts/**/*.sol                       our own contracts (validators, policies, token, registry)
//   modulekit ERC7579Factory.sol             compiled from the npm-packed modulekit source
//   modulekit SMART_SESSION_DEPLOYED_BYTECODE the legacy SmartSession runtime (placed with anvil_setCode)
//   @account-abstraction EntryPoint.json     EntryPoint v0.7 creation code (deployed with CREATE2)
//   @account-abstraction VerifyingPaymaster  the sample paymaster, compiled from the npm package's source
//   modulekit {Safe7579,Nexus,Kernel}Precompiles.sol  the other account kinds' creation bytecode (`bytes public
//                                            constant NAME = hex"..."`), read as they are: precompiles.NAME
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const modulekit = join(modules, '.modulekit', 'src');
if (!existsSync(modulekit)) {
  throw new Error(`modulekit is not unpacked at ${modulekit}: run eng/install-node-tools.sh (or eng/devnet/postinstall.sh)`);
}

// Source unit name prefix → folder. solc resolves relative imports against the unit name, so
// modulekit's own "../../" imports stay under "modulekit/".
const remaps = [
  ['@ERC4337/account-abstraction/contracts/', join(modules, '@account-abstraction', 'contracts')],
  ['@account-abstraction/contracts/', join(modules, '@account-abstraction', 'contracts')],
  ['@openzeppelin/', join(modules, '@openzeppelin')],
  ['modulekit/', modulekit],
  ['devnet/', join(here, 'contracts')],
];

function resolve(unit) {
  for (const [prefix, dir] of remaps) {
    if (unit.startsWith(prefix)) return join(dir, unit.slice(prefix.length));
  }
  return null;
}

function solFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? solFiles(join(dir, e.name)) : e.name.endsWith('.sol') ? [join(dir, e.name)] : []);
}

const ownUnits = solFiles(join(here, 'contracts')).map((f) => 'devnet/' + relative(join(here, 'contracts'), f).split('\\').join('/'));
const factoryUnit = 'modulekit/accounts/erc7579/ERC7579Factory.sol';
// The devnet's paymaster: the ERC-4337 sample VerifyingPaymaster of @account-abstraction/contracts 0.7.0.
const paymasterUnit = '@account-abstraction/contracts/samples/VerifyingPaymaster.sol';
const entryPointArtifact = join(modules, '@account-abstraction', 'contracts', 'artifacts', 'EntryPoint.json');
const smartSessionSource = join(modulekit, 'deployment', 'precompiles', 'SmartSessionsPrecompiles.sol');

// Everything read while compiling goes into the cache key.
const seen = new Map();
function read(path) {
  if (!seen.has(path)) seen.set(path, readFileSync(path, 'utf8'));
  return seen.get(path);
}

function cacheKey() {
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  h.update(read(join(modules, 'solc', 'package.json')));
  h.update(readFileSync(join(here, 'modulekit.integrity')));
  h.update(readFileSync(join(here, 'package-lock.json')));
  for (const unit of ownUnits) h.update(unit).update(read(resolve(unit)));
  return h.digest('hex').slice(0, 24);
}

const cacheDir = join(here, '.cache');
const out = join(cacheDir, `artifacts-${cacheKey()}.json`);
if (existsSync(out)) {
  process.stdout.write(out + '\n');
  process.exit(0);
}

// solc-js is loaded only on a cache miss: loading it alone takes most of a second.
const { default: solc } = await import('solc');
const input = {
  language: 'Solidity',
  sources: Object.fromEntries([...ownUnits, factoryUnit, paymasterUnit].map((u) => [u, { content: read(resolve(u)) }])),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), {
  import: (unit) => {
    const path = resolve(unit);
    return path && existsSync(path) ? { contents: read(path) } : { error: `not found: ${unit}` };
  },
}));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) process.stderr.write(e.formattedMessage + '\n');
  process.exit(1);
}

const contracts = {};
for (const [unit, byName] of Object.entries(output.contracts)) {
  if (!unit.startsWith('devnet/') && unit !== factoryUnit && unit !== paymasterUnit) continue;
  for (const [name, c] of Object.entries(byName)) {
    if (c.evm.bytecode.object.length === 0) continue; // interfaces and abstract contracts
    contracts[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object, deployedBytecode: '0x' + c.evm.deployedBytecode.object };
  }
}

const smartSession = /SMART_SESSION_DEPLOYED_BYTECODE\s*=\s*hex"([0-9a-fA-F]+)"/.exec(read(smartSessionSource));
if (!smartSession) throw new Error(`SMART_SESSION_DEPLOYED_BYTECODE not found in ${smartSessionSource}`);

// Creation bytecode of Safe 1.4.1 + Safe7579, Nexus and Kernel v3, exactly as modulekit ships it.
const precompiles = {};
for (const kind of ['Safe7579', 'Nexus', 'Kernel']) {
  const source = read(join(modulekit, 'deployment', 'precompiles', `${kind}Precompiles.sol`));
  for (const [, name, hex] of source.matchAll(/bytes\s+public\s+constant\s+(\w+)\s*=\s*hex"([0-9a-fA-F]+)"/g)) {
    precompiles[name] = '0x' + hex.toLowerCase();
  }
}
for (const name of ['SAFE_SINGLETON_BYTECODE', 'SAFE_PROXY_FACTORY_BYTECODE', 'SAFE7579_BYTECODE', 'SAFE7579_LAUNCHPAD_BYTECODE',
  'NEXUS_BYTECODE', 'NEXUS_ACCOUNT_FACTORY_BYTECODE', 'NEXUS_BOOTSTRAP_BYTECODE', 'KERNEL_BYTECODE', 'KERNEL_FACTORY_BYTECODE']) {
  if (!precompiles[name]) throw new Error(`${name} not found in modulekit's precompiles`);
}

const artifacts = {
  compiler: solc.version(),
  precompiles,
  contracts,
  smartSessionRuntime: '0x' + smartSession[1].toLowerCase(),
  entryPointBytecode: JSON.parse(read(entryPointArtifact)).bytecode,
};
mkdirSync(cacheDir, { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, JSON.stringify(artifacts));
renameSync(tmp, out);
process.stdout.write(out + '\n');
