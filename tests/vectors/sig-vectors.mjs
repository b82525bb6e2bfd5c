// SmartSession user-op signature vectors: encodeSmartSessionSignature of module-sdk 0.4.0 (current) and
// 0.1.32 (legacy) for USE, ENABLE and UNSAFE_ENABLE, on seeded random sessions and signatures.
// Usage: node sig-vectors.mjs <seed> <count per version and mode>.
// Output: { cases: [{ version, mode, permissionId?, signature, enable?, encoded }] }.
import { encodeSmartSessionSignature as encodeCurrent, SmartSessionMode } from '@rhinestone/module-sdk'
import { encodeSmartSessionSignature as encodeLegacy } from 'module-sdk-legacy'
import { toJson } from './lib/random.mjs'
import { Random, randomSdkSession } from './sig-common.mjs'

const seed = Number(process.argv[2] ?? 1)
const perKind = Number(process.argv[3] ?? 200)
const r = new Random(seed)
const signature = () => r.hex(r.int(0, 3) === 0 ? r.int(0, 299) : 65)

const cases = []
for (const version of ['current', 'legacy']) {
  const encode = version === 'current' ? encodeCurrent : encodeLegacy
  for (const mode of [SmartSessionMode.USE, SmartSessionMode.ENABLE, SmartSessionMode.UNSAFE_ENABLE]) {
    for (let i = 0; i < perKind; i++) {
      const sig = signature()
      if (mode === SmartSessionMode.USE) {
        const permissionId = r.hex(32)
        cases.push({ version, mode, permissionId, signature: sig, encoded: encode({ mode, permissionId, signature: sig }) })
        continue
      }
      const hashesAndChainIds = Array.from({ length: r.int(1, 3) }, () => ({ chainId: r.uint(64), sessionDigest: r.hex(32) }))
      const enableSession = {
        chainDigestIndex: r.int(0, hashesAndChainIds.length - 1),
        hashesAndChainIds,
        sessionToEnable: randomSdkSession(r, version === 'legacy'),
        permissionEnableSig: r.hex(65),
      }
      const validator = r.address()
      const encoded = encode({ mode, permissionId: r.hex(32), signature: sig, enableSessionData: { enableSession, validator, accountType: 'erc7579-implementation' } })
      cases.push({ version, mode, signature: sig, enable: { ...enableSession, validator }, encoded })
    }
  }
}
process.stdout.write(toJson({ cases }))
