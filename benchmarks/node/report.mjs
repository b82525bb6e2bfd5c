// Turns one benchmark run into the tables of docs/benchmarks.md: BenchmarkDotNet's JSON reports (C#) and peers.mjs's
// JSON (node), both from the same run directory, with the ratios against each peer and each target of issue 8 marked
// met or missed. Nothing is typed in by hand: every figure and ratio comes from the two files.
//   node benchmarks/node/report.mjs <run directory>      (as written by benchmarks/run.sh)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { aaTables } from './aa-report.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node report.mjs <run directory>');

const csharp = new Map();
const resultsDir = path.join(dir, 'results');
for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-report-full-compressed.json'))) {
  for (const b of JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')).Benchmarks) {
    const key = b.Method + (b.Parameters ? `(${b.Parameters})` : '');
    csharp.set(key, { ns: b.Statistics?.Mean, margin: b.Statistics?.ConfidenceInterval?.Margin, bytes: b.Memory?.BytesAllocatedPerOperation, title: b.MethodTitle.replace(/^'|'$/g, '') });
  }
}
const peersJson = JSON.parse(readFileSync(path.join(dir, 'peers.json'), 'utf8'));
const peers = new Map(peersJson.results.map((r) => [r.name, r.nsPerOp]));
const outputs = JSON.parse(readFileSync(path.join(dir, 'outputs.json'), 'utf8'));

const cs = (method) => {
  const m = csharp.get(method);
  if (!m || m.ns === undefined) throw new Error(`no C# result for ${method}`);
  return m;
};
const js = (name) => {
  const ns = peers.get(name);
  if (ns === undefined) throw new Error(`no peer result for ${name}`);
  return ns;
};
const time = (ns) => (ns < 1e3 ? `${ns.toFixed(1)} ns` : ns < 1e6 ? `${(ns / 1e3).toFixed(2)} µs` : `${(ns / 1e6).toFixed(1)} ms`);
const size = (b) => (b === undefined ? 'n/a' : b < 10240 ? `${b} B` : b < 10 * 1024 * 1024 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);
const timeCs = (m) => (Number.isFinite(m.margin) ? `${time(m.ns)} ± ${time(m.margin)}` : time(m.ns));
const ratio = (slow, fast) => { const r = slow / fast; return `${r.toFixed(r >= 10 ? 0 : r >= 1 ? 1 : 2)}×`; };
const mark = (ok) => (ok ? '**met**' : '**missed**');
// Every target of issue 8, also listed at a glance before the tables.
const summary = [];
const verdict = (area, what, figure, ok) => {
  summary.push([area, what, figure, mark(ok)]);
  return `${what}: ${mark(ok)} (${figure})`;
};
let area = '';
const target = (label, slow, fast, wanted) => verdict(area, `${label} ≥ ${wanted}×`, ratio(slow, fast), slow / fast >= wanted);
// A byte[] of n bytes on 64-bit .NET: 16-byte header + 8-byte length, rounded up to 8.
const arrayBytes = (hex) => 24 + Math.ceil(((hex.length - 2) / 2) / 8) * 8;

const lines = [];
const table = (header, rows) => {
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
};

lines.push('### Calldata', '');
const calldata = [
  ['ERC-20 `transfer`', 'Transfer', 'transfer', 'transferCalldata'],
  ['Uniswap V3 `exactInputSingle` (tuple)', 'Swap', 'exactInputSingle', 'swapCalldata'],
  ['`multicall(bytes[])` (transfer, swap, transfer)', 'Multicall', 'multicall(bytes[])', 'multicallCalldata'],
];
const calldataTargets = [];
for (const [label, suffix, viemName, output] of calldata) {
  area = `calldata, ${label}`;
  const gen = cs(`Generated${suffix}`);
  const span = cs(`Generated${suffix}IntoBuffer`);
  const message = cs(`NethereumMessage${suffix}`);
  const abiEncode = cs(`NethereumAbiEncode${suffix}`);
  const viem = js(`viem encodeFunctionData ${viemName}`);
  table([label, 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen (new array) is … faster', 'SessionGen (caller\'s buffer) is … faster'], [
    ['SessionGen generated, new array', timeCs(gen), size(gen.bytes), '', ''],
    ['SessionGen generated, caller\'s buffer', timeCs(span), size(span.bytes), '', ''],
    ['Nethereum `FunctionMessage.GetCallData()`', timeCs(message), size(message.bytes), ratio(message.ns, gen.ns), ratio(message.ns, span.ns)],
    ['Nethereum `ABIEncode` (+ selector)', timeCs(abiEncode), size(abiEncode.bytes), ratio(abiEncode.ns, gen.ns), ratio(abiEncode.ns, span.ns)],
    [`viem ${peersJson.viem} \`encodeFunctionData\` (node ${peersJson.node})`, time(viem), 'n/a', ratio(viem, gen.ns), ratio(viem, span.ns)],
  ]);
  const expected = arrayBytes(outputs[output]);
  calldataTargets.push(`- ${label}: ${target('vs FunctionMessage', message.ns, gen.ns, 100)}; ${target('vs viem', viem, gen.ns, 30)}; `
    + `${verdict(area, `one allocation (the ${(outputs[output].length - 2) / 2}-byte result = ${expected} B)`, size(gen.bytes), gen.bytes === expected)}; `
    + `${verdict(area, 'none with a caller\'s buffer', size(span.bytes), span.bytes === 0)}`);
}
lines.push('Targets:', ...calldataTargets, '');

lines.push('### Keccak-256 (100 bytes)', '');
const keccak = cs('SessionGen');
const bouncy = cs('BouncyCastle');
const sha3 = cs('Nethereum');
const viemKeccak = js('viem keccak256 (100 bytes)');
table(['Keccak-256 of 100 bytes', 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen is … faster'], [
  ['SessionGen `Keccak256.Hash` (into a buffer)', timeCs(keccak), size(keccak.bytes), ''],
  ['BouncyCastle `KeccakDigest` (reused)', timeCs(bouncy), size(bouncy.bytes), ratio(bouncy.ns, keccak.ns)],
  ['Nethereum `Sha3Keccack`', timeCs(sha3), size(sha3.bytes), ratio(sha3.ns, keccak.ns)],
  [`viem \`keccak256\``, time(viemKeccak), 'n/a', ratio(viemKeccak, keccak.ns)],
]);
lines.push(`Target: ${verdict('Keccak-256', 'at least as fast as BouncyCastle\'s KeccakDigest', `${ratio(bouncy.ns, keccak.ns)} its speed`, keccak.ns <= bouncy.ns)}; `
  + `BouncyCastle is ${ratio(sha3.ns, bouncy.ns)} Nethereum's Sha3Keccack here`, '');

lines.push('### Session encodings ("one-click trading" session)', '');
area = 'permissionId';
const pid = cs('SessionGenPermissionId');
const pidNeth = cs('NethereumPermissionId');
const pidSdk = js('module-sdk getPermissionId');
table(['permissionId', 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen is … faster'], [
  ['SessionGen `PermissionId.Compute`', timeCs(pid), size(pid.bytes), ''],
  ['Nethereum `ABIEncode.GetSha3ABIEncoded`', timeCs(pidNeth), size(pidNeth.bytes), ratio(pidNeth.ns, pid.ns)],
  [`module-sdk ${peersJson.moduleSdk} \`getPermissionId\``, time(pidSdk), 'n/a', ratio(pidSdk, pid.ns)],
]);
lines.push(`Targets: ${target('vs Nethereum', pidNeth.ns, pid.ns, 4)}; ${target('vs module-sdk', pidSdk, pid.ns, 20)}`, '');

const install = cs('SessionGenInstallData');
const installSdk = js('module-sdk getSmartSessionsValidator (install data)');
table([`install data (${(outputs.installData.length - 2) / 2} bytes)`, 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen is … faster'], [
  ['SessionGen `SmartSessionModule.GetInstallData`', timeCs(install), size(install.bytes), ''],
  ['module-sdk `getSmartSessionsValidator(...).initData`', time(installSdk), 'n/a', ratio(installSdk, install.ns)],
]);
lines.push('No target set; Nethereum has no Smart Sessions encoder (it would need hand-written struct classes).', '');

area = 'EIP-712 enable digest';
const digest = cs('SessionGenEnableDigest');
const digestNeth = cs('NethereumEnableDigest');
const digestNethJson = cs('NethereumEnableDigestFromJson');
const digestViem = js('viem hashTypedData (SmartSession enable digest)');
const digestSdk = js('module-sdk hashChainSessions (enable digest)');
table(['EIP-712 enable digest (one chain)', 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen is … faster'], [
  ['SessionGen `EnableDigest.ForChain` + `Compute`', timeCs(digest), size(digest.bytes), ''],
  ['Nethereum `Eip712TypedDataEncoder` (typed data parsed beforehand)', timeCs(digestNeth), size(digestNeth.bytes), ratio(digestNeth.ns, digest.ns)],
  ['Nethereum `Eip712TypedDataEncoder` (from the JSON)', timeCs(digestNethJson), size(digestNethJson.bytes), ratio(digestNethJson.ns, digest.ns)],
  ['viem `hashTypedData` (the contract\'s types)', time(digestViem), 'n/a', ratio(digestViem, digest.ns)],
  ['module-sdk `hashChainSessions`', time(digestSdk), 'n/a', ratio(digestSdk, digest.ns)],
]);
lines.push(`Targets: ${target('vs Nethereum\'s generic encoder', digestNeth.ns, digest.ns, 10)}; ${target('vs viem hashTypedData', digestViem, digest.ns, 15)}`, '');

const flz = cs('FastLzCompress');
const flzSolady = js('solady LibZip.flzCompress (ENABLE payload)');
table([`FastLZ compress, ENABLE payload (${peersJson.enablePayloadBytes} → ${(outputs.enablePayloadCompressed.length - 2) / 2} bytes)`, 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen is … faster'], [
  ['SessionGen `FastLz.Compress`', timeCs(flz), size(flz.bytes), ''],
  [`solady ${peersJson.solady} \`LibZip.flzCompress\` (JS)`, time(flzSolady), 'n/a', ratio(flzSolady, flz.ns)],
]);
lines.push('No target set. Both sides produce the same compressed bytes (checked by the peer-outputs test).', '');

lines.push('### Signing a user-op hash with the session key', '');
area = 'signing';
const sign = cs('SessionGenSign');
const signNeth = cs('NethereumSign');
const signViem = js('viem sign (secp256k1, user-op hash)');
table(['recoverable secp256k1 signature', 'mean (C#: ± 99.9 % CI)', 'allocated', 'SessionGen is … faster'], [
  ['SessionGen `PrivateKeySigner.SignHash` (NBitcoin.Secp256k1)', timeCs(sign), size(sign.bytes), ''],
  ['Nethereum `EthECKey.SignAndCalculateV`', timeCs(signNeth), size(signNeth.bytes), ratio(signNeth.ns, sign.ns)],
  ['viem `sign`', time(signViem), 'n/a', ratio(signViem, sign.ns)],
]);
lines.push(`Targets: ${target('vs Nethereum', signNeth.ns, sign.ns, 7)}; ${verdict(area, '< 10 KB allocated per signature', size(sign.bytes), sign.bytes < 10240)}`, '');

lines.push('### Generator (contract bindings + sessions, CSharpGeneratorDriver)', '');
const gens = [1, 100, 1000].filter((n) => csharp.has(`Cold(Classes=${n})`));
table(['session classes', 'cold run (new driver), mean ± 99.9 % CI', 'allocated', 'incremental re-run after an unrelated edit', 'allocated', 'per class (cold)'], gens.map((n) => {
  const cold = cs(`Cold(Classes=${n})`);
  const inc = cs(`Incremental(Classes=${n})`);
  return [String(n), timeCs(cold), size(cold.bytes), timeCs(inc), size(inc.bytes), time(cold.ns / n)];
}));

const devnet = JSON.parse(readFileSync(path.join(dir, 'devnet.json'), 'utf8'));
lines.push('### End to end on the devnet (one session-key USDC transfer)', '');
const ms = (x) => `${x.toFixed(1)} ms`;
table([`phase (${devnet.transfers} transfers after 3 warm-up)`, 'median', 'min', 'p90', 'max'], [
  ['build + sign (call builder + `BuildSessionOperationAsync`)', ...['median', 'min', 'p90', 'max'].map((k) => ms(devnet.buildAndSign[k]))],
  ['send + receipt (`EntryPoint.SendAsync`)', ...['median', 'min', 'p90', 'max'].map((k) => ms(devnet.sendAndReceipt[k]))],
  ['**end to end** (= `ExecuteAsync`)', ...['median', 'min', 'p90', 'max'].map((k) => ms(devnet.endToEnd[k]))],
]);
lines.push(`Chain start + account + enableSessions took ${devnet.setUpSeconds} s (not part of the figures).`, '');

// Issue 13's sections (gas, bundles, latency beside viem), when the run has them.
const aa = aaTables(dir);
lines.push(...aa.lines);
summary.push(...aa.summary);

const glance = [];
const glanceTable = (header, rows) => glance.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
glanceTable(['area', 'target', 'measured', 'verdict'], summary);
console.log(['### Targets at a glance', '', ...glance, ...lines].join('\n'));
