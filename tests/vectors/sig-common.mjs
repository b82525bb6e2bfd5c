// Random Smart Sessions in the shape the Rhinestone SDKs take, for the sig-/flz- vector scripts.
import { Random } from './lib/random.mjs'

const policy = (r) => ({ policy: r.address(), initData: r.hex(r.int(0, 2) === 0 ? 0 : r.int(0, 99)) })
const list = (r, max, make) => Array.from({ length: r.int(0, max) }, () => make(r))

/** A random Session: module-sdk 0.4.0's shape, or 0.1.32's (legacy: content names only, no paymaster flag). */
export function randomSdkSession(r, legacy = false) {
  const session = {
    sessionValidator: r.address(),
    sessionValidatorInitData: r.hex(r.int(0, 119)),
    salt: r.hex(32),
    userOpPolicies: list(r, 2, policy),
    erc7739Policies: {
      allowedERC7739Content: legacy
        ? list(r, 2, (r) => 'Content' + r.int(0, 999))
        : list(r, 2, (r) => ({ appDomainSeparator: r.hex(32), contentName: list(r, 2, (r) => 'Content' + r.int(0, 999)) })),
      erc1271Policies: list(r, 2, policy),
    },
    actions: Array.from({ length: r.int(1, 3) }, () => ({ actionTargetSelector: r.hex(4), actionTarget: r.address(), actionPolicies: Array.from({ length: r.int(1, 2) }, () => policy(r)) })),
  }
  if (!legacy) session.permitERC4337Paymaster = r.bool()
  return session
}

export { Random }
