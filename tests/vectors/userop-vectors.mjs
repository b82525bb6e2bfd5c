// ERC-4337 v0.7 reference vectors from viem (user-op hash, packing, handleOps/getNonce calldata) and
// module-sdk 0.4.0 (the ERC-7579 reference account's validator nonce key). Usage: node userop-vectors.mjs <seed> <count>.
// Output: { ops: [{ userOperation, packed, rpc (the eth_sendUserOperation form), chainId, entryPointAddress, hash }], handleOps: [...], nonceKeys: [...] }.
import { encodeFunctionData } from 'viem'
import { entryPoint07Abi, entryPoint07Address, formatUserOperationRequest, getUserOperationHash, toPackedUserOperation } from 'viem/account-abstraction'
import { encodeValidatorNonce } from '@rhinestone/module-sdk'
import { Random, toJson } from './lib/random.mjs'

const seed = Number(process.argv[2] ?? 1)
const count = Number(process.argv[3] ?? 1000)
const r = new Random(seed)
const gas = (bits) => (r.bool() ? BigInt(r.int(0, 3_000_000)) : r.uint(bits))

const ops = []
for (let i = 0; i < count; i++) {
  const userOperation = {
    sender: r.address(),
    nonce: r.bool() ? r.uint(256) : (r.uint(160) << 96n) | r.uint(64),
    callData: r.hex(r.int(0, 399)),
    callGasLimit: gas(128),
    verificationGasLimit: gas(128),
    preVerificationGas: gas(256),
    maxFeePerGas: gas(128),
    maxPriorityFeePerGas: gas(128),
    signature: r.hex(r.int(0, 2) === 0 ? 0 : r.int(65, 664)),
  }
  if (r.int(0, 2) === 0) Object.assign(userOperation, { factory: r.address(), factoryData: r.hex(r.int(0, 299)) })
  if (r.int(0, 2) === 0) Object.assign(userOperation, { paymaster: r.address(), paymasterVerificationGasLimit: gas(128), paymasterPostOpGasLimit: gas(128), paymasterData: r.hex(r.int(0, 99)) })
  const chainId = r.int(0, 3) === 0 ? 1 : Number(r.uint(53))
  const entryPointAddress = r.bool() ? entryPoint07Address : r.address()
  const hash = getUserOperationHash({ userOperation, entryPointAddress, entryPointVersion: '0.7', chainId })
  ops.push({ userOperation, packed: toPackedUserOperation(userOperation), rpc: formatUserOperationRequest(userOperation), chainId, entryPointAddress, hash })
}

const handleOps = []
for (let i = 0; i + 3 <= ops.length && handleOps.length < 300; i += 3) {
  const batch = ops.slice(i, i + 1 + (i % 3))
  const beneficiary = r.address()
  const data = encodeFunctionData({ abi: entryPoint07Abi, functionName: 'handleOps', args: [batch.map((o) => o.packed), beneficiary] })
  handleOps.push({ first: i, count: batch.length, beneficiary, data: data.toLowerCase() })
}

const nonceKeys = []
for (let i = 0; i < 200; i++) {
  const validator = r.address()
  const account = { address: r.address(), type: 'erc7579-implementation', deployedOnChains: [] }
  const key = encodeValidatorNonce({ account, validator })
  const getNonce = encodeFunctionData({ abi: entryPoint07Abi, functionName: 'getNonce', args: [account.address, key] })
  nonceKeys.push({ validator, sender: account.address, key, getNonce })
}

process.stdout.write(toJson({ ops, handleOps, nonceKeys }))
