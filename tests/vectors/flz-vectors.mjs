// FastLZ reference vectors: Solady's JavaScript LibZip on a seeded mix of random, repetitive and real
// (calldata, ABI-encoded sessions) inputs. Output: { cases: [{ kind, input, compressed }] }.
import { LibZip } from 'solady';
import { encodeAbiParameters, encodeFunctionData, erc20Abi, toHex } from 'viem';
import { getSmartSessionsValidator } from '@rhinestone/module-sdk';
import { rng, bytes, address, randomSession } from './sig-common.mjs';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 1200);
const r = rng(seed);

function randomInput(i) {
  const len = r.int(2001);
  switch (i % 6) {
    case 0: return toHex(bytes(r, len));
    case 1: { // a few distinct bytes: long runs and many matches
      const alphabet = bytes(r, 1 + r.int(4));
      return toHex(Uint8Array.from({ length: len }, () => alphabet[r.int(alphabet.length)]));
    }
    case 2: { // a repeated random pattern with sparse noise
      const pattern = bytes(r, 1 + r.int(64));
      return toHex(Uint8Array.from({ length: len }, (_, k) => (r.int(50) === 0 ? r.int(256) : pattern[k % pattern.length])));
    }
    case 3: { // mostly zero words, like ABI encodings
      return toHex(Uint8Array.from({ length: len }, () => (r.int(8) === 0 ? r.int(256) : 0)));
    }
    case 4: // ERC-20 calldata
      return encodeFunctionData({ abi: erc20Abi, functionName: r.int(2) ? 'transfer' : 'approve', args: [address(r), r.bigint(256)] });
    default: { // ABI-encoded sessions (the SmartSession install data) and abi.encode(bytes signature)
      if (r.int(2)) return getSmartSessionsValidator({ sessions: Array.from({ length: 1 + r.int(2) }, () => randomSession(r)) }).initData;
      return encodeAbiParameters([{ type: 'bytes' }], [toHex(bytes(r, 65))]);
    }
  }
}

const cases = [];
for (let len = 0; len <= 40; len++) {
  const input = toHex(bytes(r, len));
  cases.push({ kind: 'edge', input, compressed: LibZip.flzCompress(input) });
}
for (let i = 0; i < count; i++) {
  const input = randomInput(i);
  cases.push({ kind: String(i % 6), input, compressed: LibZip.flzCompress(input) });
}
process.stdout.write(JSON.stringify({ cases }));
