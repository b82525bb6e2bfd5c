// FastLZ reference vectors: Solady's JavaScript LibZip on a seeded mix of random, repetitive and real
// (calldata, ABI-encoded sessions) inputs. Usage: node flz-vectors.mjs <seed> <count>.
// Output: { cases: [{ kind, input, compressed }] }.
import { LibZip } from 'solady'
import { encodeAbiParameters, encodeFunctionData, erc20Abi, toHex } from 'viem'
import { getSmartSessionsValidator } from '@rhinestone/module-sdk'
import { Random, randomSdkSession } from './sig-common.mjs'

const seed = Number(process.argv[2] ?? 1)
const count = Number(process.argv[3] ?? 1200)
const r = new Random(seed)
const fill = (length, byte) => toHex(Uint8Array.from({ length }, byte))

function randomInput(i) {
  const length = r.int(0, 2000)
  switch (i % 6) {
    case 0: return r.hex(length)
    case 1: { // a few distinct bytes: long runs and many matches
      const alphabet = r.bytes(r.int(1, 4))
      return fill(length, () => r.pick(alphabet))
    }
    case 2: { // a repeated random pattern with sparse noise
      const pattern = r.bytes(r.int(1, 64))
      return fill(length, (_, k) => (r.int(0, 49) === 0 ? r.int(0, 255) : pattern[k % pattern.length]))
    }
    case 3: // mostly zero bytes, like ABI encodings
      return fill(length, () => (r.int(0, 7) === 0 ? r.int(0, 255) : 0))
    case 4: // ERC-20 calldata
      return encodeFunctionData({ abi: erc20Abi, functionName: r.bool() ? 'transfer' : 'approve', args: [r.address(), r.uint(256)] })
    default: // ABI-encoded sessions (the SmartSession install data) and abi.encode(bytes signature)
      if (r.bool()) return getSmartSessionsValidator({ sessions: Array.from({ length: r.int(1, 2) }, () => ({ ...randomSdkSession(r), chainId: 1n })) }).initData
      return encodeAbiParameters([{ type: 'bytes' }], [r.hex(65)])
  }
}

const cases = []
for (let length = 0; length <= 40; length++) {
  const input = r.hex(length)
  cases.push({ kind: 'edge', input, compressed: LibZip.flzCompress(input) })
}
for (let i = 0; i < count; i++) {
  const input = randomInput(i)
  cases.push({ kind: String(i % 6), input, compressed: LibZip.flzCompress(input) })
}
process.stdout.write(JSON.stringify({ cases }))
