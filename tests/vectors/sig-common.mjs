// Seeded random values shared by the sig-/flz-/userop-/exec- vector scripts (deterministic per seed).
import { toHex, getAddress } from 'viem';

export function rng(seed) {
  let s = (seed >>> 0) || 1;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    bigint(bits) {
      let v = 0n;
      for (let i = 0; i < bits; i += 8) v = (v << 8n) | BigInt(Math.floor(next() * 256));
      return v >> BigInt((8 - (bits % 8)) % 8);
    },
  };
}

export const bytes = (r, n) => Uint8Array.from({ length: n }, () => r.int(256));
export const hex = (r, n) => toHex(bytes(r, n));
export const address = (r) => getAddress(hex(r, 20));

const policy = (r) => ({ policy: address(r), initData: hex(r, r.int(3) === 0 ? 0 : r.int(100)) });
const list = (r, max, make) => Array.from({ length: r.int(max + 1) }, () => make(r));

/** A random Session: module-sdk 0.4.0's shape, or 0.1.32's (legacy: content names only, no paymaster flag). */
export function randomSession(r, legacy = false) {
  const session = randomCurrentSession(r);
  if (!legacy) return session;
  delete session.permitERC4337Paymaster;
  session.erc7739Policies.allowedERC7739Content = list(r, 2, (r) => 'Content' + r.int(1000));
  return session;
}

function randomCurrentSession(r) {
  return {
    sessionValidator: address(r),
    sessionValidatorInitData: hex(r, r.int(120)),
    salt: hex(r, 32),
    userOpPolicies: list(r, 2, policy),
    erc7739Policies: {
      allowedERC7739Content: list(r, 2, (r) => ({ appDomainSeparator: hex(r, 32), contentName: list(r, 2, (r) => 'Content' + r.int(1000)) })),
      erc1271Policies: list(r, 2, policy),
    },
    actions: Array.from({ length: 1 + r.int(3) }, () => ({ actionTargetSelector: hex(r, 4), actionTarget: address(r), actionPolicies: Array.from({ length: 1 + r.int(2) }, () => policy(r)) })),
    permitERC4337Paymaster: r.int(2) === 1,
    chainId: 1n,
  };
}
