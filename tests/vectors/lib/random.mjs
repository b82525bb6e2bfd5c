// A seeded, deterministic random source for the reference-vector scripts: the same seed gives the same vectors on
// every machine, so a failing C# comparison can be replayed with `node <script> <seed> <count>`.
import { getAddress, toHex } from 'viem'

export class Random {
  // sfc32, seeded through splitmix32 so that small consecutive seeds give unrelated streams.
  constructor(seed) {
    let s = seed >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next(); this.b = next(); this.c = next(); this.d = next()
    for (let i = 0; i < 12; i++) this.uint32()
  }

  uint32() {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) >>> 0
    return t
  }

  // An integer in [min, max] (both inclusive, small ranges).
  int(min, max) { return min + (this.uint32() % (max - min + 1)) }

  bool() { return (this.uint32() & 1) === 1 }

  pick(items) { return items[this.int(0, items.length - 1)] }

  bytes(length) {
    const out = new Uint8Array(length)
    for (let i = 0; i < length; i++) out[i] = this.uint32() & 0xff
    return out
  }

  hex(length) { return toHex(this.bytes(length)) }

  // A checksummed address; now and then one with leading zero bytes (as vanity-deployed contracts have).
  address() {
    const bytes = this.bytes(20)
    if (this.int(0, 4) === 0) bytes.fill(0, 0, this.int(1, 12))
    if (bytes.every((b) => b === 0)) bytes[19] = 1
    return getAddress(toHex(bytes))
  }

  // An unsigned integer of at most `bits` bits, biased to the edges: 0, 1, the maximum, small, and full-width values.
  uint(bits) {
    const max = (1n << BigInt(bits)) - 1n
    switch (this.int(0, 7)) {
      case 0: return 0n
      case 1: return 1n
      case 2: return max
      case 3: return BigInt(this.uint32())
      default: {
        const width = this.int(1, bits)
        let value = 0n
        for (let i = 0; i < width; i += 32) value = (value << 32n) | BigInt(this.uint32())
        return value & ((1n << BigInt(width)) - 1n)
      }
    }
  }

  // A string of 0–40 characters: identifiers, sometimes with non-ASCII letters (multi-byte UTF-8).
  text() {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_()[], '
    const unicode = ['é', 'ß', 'Ω', '中', '✓', '🚀']
    let out = ''
    for (let i = this.int(0, 40); i > 0; i--) out += this.int(0, 15) === 0 ? this.pick(unicode) : alphabet[this.int(0, alphabet.length - 1)]
    return out
  }
}

// JSON with bigints as decimal strings (C# reads them with BigInteger.Parse).
export const toJson = (value) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
