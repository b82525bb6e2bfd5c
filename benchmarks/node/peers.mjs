// Times the peers' side of docs/benchmarks.md: viem, @rhinestone/module-sdk and solady's JS LibZip, on the
// same inputs as the C# benchmarks (benchmarks/SessionGen.Benchmarks/PeerInputs.cs mirrors the constants).
// It reuses the pinned packages of tests/vectors (installed by eng/install-node-tools.sh) rather than a third lock.
//   node benchmarks/node/peers.mjs            full run (about a minute)
//   node benchmarks/node/peers.mjs --quick    one short round each (smoke test)
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectors = path.resolve(here, '../../tests/vectors');
const require = createRequire(path.join(vectors, 'package.json'));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

const viem = await load('viem');
const accounts = await load('viem/accounts');
const sdk = await load('@rhinestone/module-sdk');
const { LibZip } = await load('solady');

const quick = process.argv.includes('--quick');

function bench(name, fn) {
  const warm = quick ? 50 : 2000;
  for (let i = 0; i < warm; i++) fn();
  // Calibrate a batch to ~20 ms, then take the median of several batches.
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms >= (quick ? 2 : 20) || n >= 1 << 24) break;
    n *= 2;
  }
  const rounds = quick ? 3 : 15;
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / n);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  return { name, nsPerOp: Math.round(median * 10) / 10 };
}

// Inputs (kept equal to PeerInputs.cs).
const recipient = '0x1111111111111111111111111111111111111111';
const tokenIn = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const tokenOut = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const erc20 = viem.parseAbi(['function transfer(address to, uint256 amount) returns (bool)']);
const router = [{
  type: 'function', name: 'exactInputSingle', stateMutability: 'payable',
  inputs: [{ name: 'params', type: 'tuple', internalType: 'struct ISwapRouter.ExactInputSingleParams', components: [
    { name: 'tokenIn', type: 'address' }, { name: 'tokenOut', type: 'address' }, { name: 'fee', type: 'uint24' },
    { name: 'recipient', type: 'address' }, { name: 'deadline', type: 'uint256' }, { name: 'amountIn', type: 'uint256' },
    { name: 'amountOutMinimum', type: 'uint256' }, { name: 'sqrtPriceLimitX96', type: 'uint160' }] }],
  outputs: [{ name: 'amountOut', type: 'uint256' }],
}];
const multicallAbi = viem.parseAbi(['function multicall(bytes[] data) payable returns (bytes[] results)']);
const swapParams = { tokenIn, tokenOut, fee: 3000, recipient, deadline: 1767225600n, amountIn: 100_000_000n, amountOutMinimum: 30_000_000_000_000_000n, sqrtPriceLimitX96: 0n };
const transferData = viem.encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [recipient, 5_000_000n] });
const swapData = viem.encodeFunctionData({ abi: router, functionName: 'exactInputSingle', args: [swapParams] });
const multicallArgs = [[transferData, swapData, transferData]];

const sessionValidator = '0x2483da3a338895199e5e538530213157e931bf06';
const session = {
  sessionValidator,
  sessionValidatorInitData: viem.encodeAbiParameters([{ type: 'uint256' }, { type: 'address[]' }], [1n, [recipient]]),
  salt: viem.keccak256(viem.toHex('one-click trading')),
  userOpPolicies: [{ policy: '0x8177451511de0577b911c254e9551d981c26dc72', initData: viem.encodePacked(['uint48', 'uint48'], [1767225600, 0]) }],
  erc7739Policies: { allowedERC7739Content: [], erc1271Policies: [] },
  actions: [{ actionTargetSelector: '0xa9059cbb', actionTarget: tokenIn, actionPolicies: [{ policy: '0x000000000033212e272655d8a22402db819477a6', initData: viem.encodeAbiParameters([{ type: 'address[]' }, { type: 'uint256[]' }], [[tokenIn], [100_000_000n]]) }] }],
  permitERC4337Paymaster: true,
  chainId: 31337n,
};

const privateKey = '0x' + '42'.repeat(32);
const hash = viem.keccak256(viem.toHex('user operation'));

const mail = {
  domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  types: { Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }], Mail: [{ name: 'from', type: 'Person' }, { name: 'to', type: 'Person' }, { name: 'contents', type: 'string' }] },
  primaryType: 'Mail',
  message: { from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }, to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' }, contents: 'Hello, Bob!' },
};

// A typical ENABLE payload: abi.encode of the session above as the contract decompresses it.
const enablePayload = viem.encodeAbiParameters(
  [{ type: 'tuple', components: [{ type: 'address' }, { type: 'bytes' }, { type: 'bytes32' }, { type: 'tuple[]', components: [{ type: 'address' }, { type: 'bytes' }] }, { type: 'tuple[]', components: [{ type: 'bytes4' }, { type: 'address' }, { type: 'tuple[]', components: [{ type: 'address' }, { type: 'bytes' }] }] }] }, { type: 'bytes' }],
  [[session.sessionValidator, session.sessionValidatorInitData, session.salt, session.userOpPolicies.map((p) => [p.policy, p.initData]), session.actions.map((a) => [a.actionTargetSelector, a.actionTarget, a.actionPolicies.map((p) => [p.policy, p.initData])])], '0x' + 'ab'.repeat(85)]);

const results = [
  bench('viem encodeFunctionData transfer', () => viem.encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [recipient, 5_000_000n] })),
  bench('viem encodeFunctionData exactInputSingle', () => viem.encodeFunctionData({ abi: router, functionName: 'exactInputSingle', args: [swapParams] })),
  bench('viem encodeFunctionData multicall(bytes[])', () => viem.encodeFunctionData({ abi: multicallAbi, functionName: 'multicall', args: multicallArgs })),
  bench('viem keccak256 (100 bytes)', () => viem.keccak256(new Uint8Array(100))),
  bench('module-sdk getPermissionId', () => sdk.getPermissionId({ session })),
  bench('viem hashTypedData (EIP-712 Mail)', () => viem.hashTypedData(mail)),
  bench('solady LibZip.flzCompress (ENABLE payload)', () => LibZip.flzCompress(enablePayload)),
  bench('viem sign (secp256k1, raw hash)', () => accounts.sign({ hash, privateKey })),
];

console.log(JSON.stringify({ node: process.version, viem: require('viem/package.json').version, moduleSdk: require('@rhinestone/module-sdk/package.json').version, enablePayloadBytes: (enablePayload.length - 2) / 2, results }, null, 2));
process.exit(0);
