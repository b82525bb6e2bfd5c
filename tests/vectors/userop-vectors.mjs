// ERC-4337 v0.7 reference vectors from viem (user-op hash, packing, handleOps/getNonce calldata) and
// module-sdk 0.4.0 (the ERC-7579 reference account's validator nonce key).
// Output: { ops: [...], handleOps: [...], nonceKeys: [...] }; big numbers as decimal strings.
import { encodeFunctionData } from 'viem';
import { entryPoint07Abi, entryPoint07Address, getUserOperationHash, toPackedUserOperation } from 'viem/account-abstraction';
import { encodeValidatorNonce } from '@rhinestone/module-sdk';
import { rng, hex, address } from './sig-common.mjs';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 1000);
const r = rng(seed);
const gas = (bits) => (r.int(4) === 0 ? 0n : r.int(2) ? BigInt(r.int(3_000_000)) : r.bigint(bits));
const str = (o) => JSON.parse(JSON.stringify(o, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));

const ops = [];
for (let i = 0; i < count; i++) {
  const userOperation = {
    sender: address(r),
    nonce: r.int(2) ? r.bigint(256) : (r.bigint(160) << 96n) | BigInt(r.int(100)),
    callData: hex(r, r.int(400)),
    callGasLimit: gas(128),
    verificationGasLimit: gas(128),
    preVerificationGas: r.int(5) === 0 ? r.bigint(256) : gas(64),
    maxFeePerGas: gas(128),
    maxPriorityFeePerGas: gas(128),
    signature: hex(r, r.int(3) === 0 ? 0 : 65 + r.int(600)),
  };
  if (r.int(3) === 0) Object.assign(userOperation, { factory: address(r), factoryData: hex(r, r.int(300)) });
  if (r.int(3) === 0) Object.assign(userOperation, { paymaster: address(r), paymasterVerificationGasLimit: gas(128), paymasterPostOpGasLimit: gas(128), paymasterData: hex(r, r.int(100)) });
  const chainId = r.int(4) === 0 ? 1 : 1 + r.int(2 ** 40);
  const entryPointAddress = r.int(2) ? entryPoint07Address : address(r);
  const hash = getUserOperationHash({ userOperation, entryPointAddress, entryPointVersion: '0.7', chainId });
  ops.push(str({ userOperation, packed: toPackedUserOperation(userOperation), chainId, entryPointAddress, hash }));
}

const handleOps = [];
for (let i = 0; i + 3 <= ops.length && handleOps.length < 300; i += 3) {
  const batch = ops.slice(i, i + 1 + (i % 3));
  const beneficiary = address(r);
  const data = encodeFunctionData({ abi: entryPoint07Abi, functionName: 'handleOps', args: [batch.map((o) => ({ ...o.packed, nonce: BigInt(o.packed.nonce), preVerificationGas: BigInt(o.packed.preVerificationGas) })), beneficiary] });
  handleOps.push({ first: i, count: batch.length, beneficiary, data: data.toLowerCase() });
}

const nonceKeys = [];
for (let i = 0; i < 200; i++) {
  const validator = address(r);
  const account = { address: address(r), type: 'erc7579-implementation', deployedOnChains: [] };
  const key = encodeValidatorNonce({ account, validator });
  const getNonce = encodeFunctionData({ abi: entryPoint07Abi, functionName: 'getNonce', args: [account.address, key] });
  nonceKeys.push(str({ validator, sender: account.address, key, getNonce }));
}

process.stdout.write(JSON.stringify({ ops, handleOps, nonceKeys }));
