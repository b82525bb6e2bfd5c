// The viem side of the session-key latency table (issue 13): one session-key USDC transfer, built, signed and sent
// by viem on the same devnet and through the same alto bundler as SessionGen's side, in the same run. SessionGen's
// `--aa-latency` mode starts the chain and the bundler, enables a session on an account for this script, runs its
// own transfers, then runs this script with a JSON config file and reads its JSON from stdout.
//   direct:  build the v0.7 operation (fixed limits), sign the user-op hash with the session key, encode the legacy
//            SmartSession USE signature (module-sdk 0.1.32), handleOps from a funded key (walletClient.writeContract),
//            waitForTransactionReceipt (pollingInterval 10 ms, SessionGen's receipt poll).
//   bundler: the same operation through viem's account-abstraction bundler client: eth_sendUserOperation, then
//            waitForUserOperationReceipt (pollingInterval 10 ms).
// It reuses the pinned packages of tests/vectors (viem 2.57.20, module-sdk 0.1.32).
//   node benchmarks/node/aa-latency.mjs <config.json>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectors = path.resolve(here, '../../tests/vectors');
const require = createRequire(path.join(vectors, 'package.json'));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

const viem = await load('viem');
const { privateKeyToAccount, sign } = await load('viem/accounts');
const aa = await load('viem/account-abstraction');
const legacy = await load('module-sdk-legacy');

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const chain = { id: config.chainId, name: 'devnet', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [config.rpcUrl] } } };
const pollingInterval = 10;
const publicClient = viem.createPublicClient({ chain, transport: viem.http(config.rpcUrl), pollingInterval });
const walletClient = viem.createWalletClient({ chain, transport: viem.http(config.rpcUrl), account: privateKeyToAccount(config.funderKey), pollingInterval });
const bundlerClient = aa.createBundlerClient({ chain, transport: viem.http(config.bundlerUrl), pollingInterval });

const erc20 = [{ type: 'function', name: 'transfer', stateMutability: 'nonpayable', inputs: [{ name: 'to', type: 'address' }, { name: 'amount', type: 'uint256' }], outputs: [{ type: 'bool' }] }];
const execute = [{ type: 'function', name: 'execute', stateMutability: 'payable', inputs: [{ name: 'mode', type: 'bytes32' }, { name: 'executionCalldata', type: 'bytes' }], outputs: [] }];
const nonceKey = BigInt(config.smartSession) << 32n; // the reference account's validator lane: validator ‖ 0x00000000

async function buildSignedOperation(sender) {
  const transfer = viem.encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [config.recipient, 1n] });
  const callData = viem.encodeFunctionData({ abi: execute, functionName: 'execute', args: [viem.pad('0x00', { size: 32 }), viem.encodePacked(['address', 'uint256', 'bytes'], [config.usdc, 0n, transfer])] });
  const nonce = await publicClient.readContract({ address: config.entryPoint, abi: aa.entryPoint07Abi, functionName: 'getNonce', args: [sender, nonceKey] });
  const userOperation = {
    sender, nonce, callData,
    callGasLimit: 1_000_000n, verificationGasLimit: 2_000_000n, preVerificationGas: 100_000n,
    maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n,
    signature: '0x',
  };
  const hash = aa.getUserOperationHash({ userOperation, entryPointAddress: config.entryPoint, entryPointVersion: '0.7', chainId: config.chainId });
  const signature = await sign({ hash, privateKey: config.sessionKey, to: 'hex' });
  userOperation.signature = legacy.encodeSmartSessionSignature({ mode: legacy.SmartSessionMode.USE, permissionId: config.permissionId, signature });
  return userOperation;
}

async function direct() {
  const operation = await buildSignedOperation(config.accountDirect);
  const hash = await walletClient.writeContract({ address: config.entryPoint, abi: aa.entryPoint07Abi, functionName: 'handleOps', args: [[aa.toPackedUserOperation(operation)], walletClient.account.address], gas: 3_500_000n });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval });
  const [event] = viem.parseEventLogs({ abi: aa.entryPoint07Abi, eventName: 'UserOperationEvent', logs: receipt.logs });
  if (!event?.args.success) throw new Error(`viem direct transfer failed in ${hash}`);
}

async function bundled() {
  const operation = await buildSignedOperation(config.accountBundler);
  const hash = await bundlerClient.request({ method: 'eth_sendUserOperation', params: [aa.formatUserOperationRequest(operation), config.entryPoint] });
  const receipt = await bundlerClient.waitForUserOperationReceipt({ hash, pollingInterval });
  if (!receipt.success) throw new Error(`viem bundled transfer failed: ${hash}`);
}

async function time(run, count) {
  for (let i = 0; i < config.warmUp; i++) await run();
  const samples = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

const out = {
  viem: require('viem/package.json').version,
  node: process.version,
  direct: await time(direct, config.transfers),
  bundler: await time(bundled, config.bundlerTransfers),
};
process.stdout.write(JSON.stringify(out) + '\n');
