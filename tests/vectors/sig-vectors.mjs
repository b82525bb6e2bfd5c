// SmartSession user-op signature vectors: encodeSmartSessionSignature of module-sdk 0.4.0 (current) and
// 0.1.32 (legacy) for USE, ENABLE and UNSAFE_ENABLE, on seeded random sessions and signatures.
// Output: { cases: [{ version, mode, permissionId, signature, enable?, encoded }] }.
import { encodeSmartSessionSignature as encodeCurrent, SmartSessionMode } from '@rhinestone/module-sdk';
import { encodeSmartSessionSignature as encodeLegacy } from 'module-sdk-legacy';
import { rng, hex, address, randomSession } from './sig-common.mjs';

const seed = Number(process.argv[2] ?? 1);
const perKind = Number(process.argv[3] ?? 200);
const r = rng(seed);
const str = (o) => JSON.parse(JSON.stringify(o, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
const signature = () => hex(r, r.int(4) === 0 ? r.int(300) : 65);

const cases = [];
for (const version of ['current', 'legacy']) {
  const encode = version === 'current' ? encodeCurrent : encodeLegacy;
  for (const mode of [SmartSessionMode.USE, SmartSessionMode.ENABLE, SmartSessionMode.UNSAFE_ENABLE]) {
    for (let i = 0; i < perKind; i++) {
      const sig = signature();
      if (mode === SmartSessionMode.USE) {
        const permissionId = hex(r, 32);
        cases.push({ version, mode, permissionId, signature: sig, encoded: encode({ mode, permissionId, signature: sig }) });
        continue;
      }
      const hashesAndChainIds = Array.from({ length: 1 + r.int(3) }, () => ({ chainId: r.int(3) === 0 ? BigInt(1 + r.int(100000)) : r.bigint(64), sessionDigest: hex(r, 32) }));
      const enableSession = {
        chainDigestIndex: r.int(hashesAndChainIds.length),
        hashesAndChainIds,
        sessionToEnable: randomSession(r, version === 'legacy'),
        permissionEnableSig: hex(r, 65),
      };
      const validator = address(r);
      const encoded = encode({ mode, permissionId: hex(r, 32), signature: sig, enableSessionData: { enableSession, validator, accountType: 'erc7579-implementation' } });
      cases.push(str({ version, mode, signature: sig, enable: { ...enableSession, validator }, encoded }));
    }
  }
}
process.stdout.write(JSON.stringify({ cases }));
