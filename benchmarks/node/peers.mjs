// Times the peers' side of docs/benchmarks.md: viem, @rhinestone/module-sdk and solady's JS LibZip, on the same inputs
// as the C# benchmarks. The inputs are defined once per side: the "Inputs" block below and
// benchmarks/SessionGen.Benchmarks/PeerInputs.cs; `--outputs` prints what this side computes from them (as does the C#
// side's `--peer-outputs`), and tests/SessionGen.IntegrationTests/Benchmarks checks the two agree byte for byte.
// It reuses the pinned packages of tests/vectors (installed by eng/install-node-tools.sh) rather than a third lock.
//   node benchmarks/node/peers.mjs            full run (about a minute)
//   node benchmarks/node/peers.mjs --quick    one short round each (smoke test)
//   node benchmarks/node/peers.mjs --outputs  the computed values only, no timing
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const vectors = path.join(root, 'tests/vectors');
const require = createRequire(path.join(vectors, 'package.json'));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

const viem = await load('viem');
const accounts = await load('viem/accounts');
const sdk = await load('@rhinestone/module-sdk');
const { LibZip } = await load('solady');
// The EnableSession ABI is not a root export of module-sdk; read it from the package's own abi module.
const { encodeEnableSessionSignatureAbi } = await import(pathToFileURL(path.join(vectors, 'node_modules/@rhinestone/module-sdk/_esm/module/smart-sessions/abi.js')).href);

const quick = process.argv.includes('--quick');

// ---- Inputs (the same values as PeerInputs.cs) ----
const abi = (name) => JSON.parse(readFileSync(path.join(root, 'abis', name), 'utf8'));
const erc20 = abi('ERC20.json');
const router = abi('UniswapV3SwapRouter.json');
const recipient = '0x1111111111111111111111111111111111111111';
const tokenIn = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const tokenOut = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const transferAmount = 5_000_000n;
const deadline = 1767225600n;
const swapParams = { tokenIn, tokenOut, fee: 3000, recipient, deadline, amountIn: 100_000_000n, amountOutMinimum: 30_000_000_000_000_000n, sqrtPriceLimitX96: 0n };
const sessionKey = '0x' + '42'.repeat(32);
const userOpHash = viem.keccak256(viem.toHex('user operation'));
const salt = viem.keccak256(viem.toHex('one-click trading'));
const spendingLimit = 100_000_000n;
const chainId = 31337n;
const account = '0x3333333333333333333333333333333333333333';
const enableNonce = 0n;
const permissionEnableSig = '0x' + 'ab'.repeat(85);
const userOpSignature = '0x' + 'cd'.repeat(65);

const sessionKeyAddress = accounts.privateKeyToAddress(sessionKey);
const policyData = (p) => ({ policy: p.address, initData: p.initData });
// "One-click trading": the ownable validator with the session key as sole owner, a time frame until the deadline,
// USDC transfer under a 100 USDC spending limit, paymaster permitted.
const session = {
  sessionValidator: sdk.GLOBAL_CONSTANTS.OWNABLE_VALIDATOR_ADDRESS,
  sessionValidatorInitData: sdk.getOwnableValidator({ threshold: 1, owners: [sessionKeyAddress] }).initData,
  salt,
  userOpPolicies: [policyData(sdk.getTimeFramePolicy({ validUntil: Number(deadline), validAfter: 0 }))],
  erc7739Policies: { allowedERC7739Content: [], erc1271Policies: [] },
  actions: [{
    actionTargetSelector: viem.toFunctionSelector('transfer(address,uint256)'),
    actionTarget: tokenIn,
    actionPolicies: [policyData(sdk.getSpendingLimitsPolicy([{ token: tokenIn, limit: spendingLimit }]))],
  }],
  permitERC4337Paymaster: true,
  chainId,
};
// ---- end of inputs ----

const transferData = viem.encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [recipient, transferAmount] });
const swapData = viem.encodeFunctionData({ abi: router, functionName: 'exactInputSingle', args: [swapParams] });
const multicallArgs = [[transferData, swapData, transferData]];

// The EIP-712 types of the current SmartSession module, shared with the vector scripts.
const { smartSessionTypes } = await import(pathToFileURL(path.join(vectors, 'lib/smartsession-types.mjs')).href);
const TYPES = smartSessionTypes(false);
// Mode ENABLE, no fallback actions: the three derived flags are false.
const signedSession = {
  account,
  permissions: {
    permitGenericPolicy: false, permitAdminAccess: false, ignoreSecurityAttestations: false,
    permitERC4337Paymaster: session.permitERC4337Paymaster,
    userOpPolicies: session.userOpPolicies, erc7739Policies: session.erc7739Policies, actions: session.actions,
  },
  sessionValidator: session.sessionValidator, sessionValidatorInitData: session.sessionValidatorInitData,
  salt: session.salt, smartSession: sdk.GLOBAL_CONSTANTS.SMART_SESSIONS_ADDRESS, nonce: enableNonce,
};
const chainSessions = [{ chainId, session: signedSession }];
const enableTypedData = { domain: { name: 'SmartSession', version: '1' }, types: TYPES, primaryType: 'MultiChainSession', message: { sessionsAndChainIds: chainSessions } };
const sessionDigest = viem.hashStruct({ types: TYPES, primaryType: 'SignedSession', data: signedSession });

// A typical ENABLE payload, as the user-op signature compresses it: abi.encode(EnableSession, bytes signature).
const enablePayload = viem.encodeAbiParameters(encodeEnableSessionSignatureAbi, [
  { chainDigestIndex: 0, hashesAndChainIds: [{ chainId, sessionDigest }], sessionToEnable: session, permissionEnableSig },
  userOpSignature,
]);

const hex = (bytes) => viem.toHex(bytes);
if (process.argv.includes('--outputs')) {
  const signature = await accounts.sign({ hash: userOpHash, privateKey: sessionKey, to: 'hex' });
  console.log(JSON.stringify({
    transferCalldata: transferData,
    swapCalldata: swapData,
    multicallCalldata: viem.encodeFunctionData({ abi: router, functionName: 'multicall', args: multicallArgs }),
    sessionKeyAddress: sessionKeyAddress.toLowerCase(),
    permissionId: sdk.getPermissionId({ session }),
    installData: sdk.getSmartSessionsValidator({ sessions: [session] }).initData,
    enableDigest: viem.hashTypedData(enableTypedData),
    enableDigestModuleSdk: sdk.hashChainSessions(chainSessions),
    enablePayload,
    enablePayloadCompressed: LibZip.flzCompress(enablePayload),
    signature,
  }, null, 2));
  process.exit(0);
}

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

const keccakInput = new Uint8Array(100);
// viem's sign is async, but it signs synchronously before returning its promise: the loop times the signing.
const results = [
  bench('viem encodeFunctionData transfer', () => viem.encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [recipient, transferAmount] })),
  bench('viem encodeFunctionData exactInputSingle', () => viem.encodeFunctionData({ abi: router, functionName: 'exactInputSingle', args: [swapParams] })),
  bench('viem encodeFunctionData multicall(bytes[])', () => viem.encodeFunctionData({ abi: router, functionName: 'multicall', args: multicallArgs })),
  bench('viem keccak256 (100 bytes)', () => viem.keccak256(keccakInput)),
  bench('module-sdk getPermissionId', () => sdk.getPermissionId({ session })),
  bench('module-sdk getSmartSessionsValidator (install data)', () => sdk.getSmartSessionsValidator({ sessions: [session] })),
  bench('viem hashTypedData (SmartSession enable digest)', () => viem.hashTypedData(enableTypedData)),
  bench('module-sdk hashChainSessions (enable digest)', () => sdk.hashChainSessions(chainSessions)),
  bench('solady LibZip.flzCompress (ENABLE payload)', () => LibZip.flzCompress(enablePayload)),
  bench('viem sign (secp256k1, user-op hash)', () => accounts.sign({ hash: userOpHash, privateKey: sessionKey })),
];

console.log(JSON.stringify({
  node: process.version,
  viem: require('viem/package.json').version,
  moduleSdk: require('@rhinestone/module-sdk/package.json').version,
  solady: require('solady/package.json').version,
  enablePayloadBytes: (enablePayload.length - 2) / 2,
  results,
}, null, 2));
process.exit(0);
