// Reference vectors for the Smart Sessions data model: random sessions (seeded, deterministic) and what the reference
// SDK and viem make of them. Usage: node session-vectors.mjs <seed> <count> <current|legacy> [<digests>]
//   <digests>: how many of the sessions (the first ones) also get the EIP-712 enable digest; the two JavaScript
//   oracles hash every session several times with a JavaScript keccak, which costs ~30 ms a session.
//   current → @rhinestone/module-sdk 0.4.0; legacy → module-sdk-legacy (= @rhinestone/module-sdk 0.1.32).
// Prints one JSON document: { version, smartSession, vectors: [ { session inputs, SDK outputs } ] }.
// Outputs longer than 512 bytes are given as { sha256, length } to keep the document small; shorter ones as hex.
import { createHash } from 'node:crypto'
import { encodeAbiParameters, hashStruct, hashTypedData, zeroHash } from 'viem'
import { Random, toJson } from './lib/random.mjs'
import { DOMAIN, primaryType, smartSessionTypes } from './lib/smartsession-types.mjs'

const [seedArg, countArg, versionArg] = process.argv.slice(2)
const seed = Number(seedArg ?? 1)
const count = Number(countArg ?? 10)
const legacy = versionArg === 'legacy'
const digestCount = Number(process.argv[5] ?? count)
const sdkName = legacy ? 'module-sdk-legacy' : '@rhinestone/module-sdk'
const sdk = await import(sdkName)
// The EnableSession ABI is not a root export; read it from the package's own abi module.
const { encodeEnableSessionSignatureAbi } = await import(`./node_modules/${sdkName}/_esm/module/smart-sessions/abi.js`)
const smartSession = legacy ? sdk.SMART_SESSIONS_ADDRESS : sdk.GLOBAL_CONSTANTS.SMART_SESSIONS_ADDRESS
const ownableValidator = legacy ? sdk.OWNABLE_VALIDATOR_ADDRESS : sdk.GLOBAL_CONSTANTS.OWNABLE_VALIDATOR_ADDRESS
const FALLBACK_TARGET = '0x0000000000000000000000000000000000000001'

const TYPES = smartSessionTypes(legacy)
const PRIMARY_TYPE = primaryType(legacy)

const r = new Random(seed)
// Node's native SHA-256 fingerprints long outputs (viem's JavaScript keccak would dominate the run time).
const out = (hex) => {
  const length = (hex.length - 2) / 2
  return length > 512 ? { sha256: '0x' + createHash('sha256').update(Buffer.from(hex.slice(2), 'hex')).digest('hex'), length } : hex
}

const POLICY_KINDS = ['sudo', 'timeFrame', 'usageLimit', 'valueLimit', 'spendingLimit', 'uniAction']
const ZERO_RULE = { condition: 0, offset: 0n, isLimited: false, ref: zeroHash, usage: { limit: 0n, used: 0n } }

function randomPolicy() {
  const kind = r.pick(POLICY_KINDS)
  let spec, policy
  switch (kind) {
    case 'sudo':
      spec = { kind }
      policy = sdk.getSudoPolicy()
      break
    case 'timeFrame': {
      const validUntil = Number(r.uint(48))
      const validAfter = Number(r.uint(48))
      spec = { kind, validUntil, validAfter }
      policy = sdk.getTimeFramePolicy({ validUntil, validAfter })
      break
    }
    case 'usageLimit':
      spec = { kind, limit: r.uint(128) }
      policy = sdk.getUsageLimitPolicy({ limit: spec.limit })
      break
    case 'valueLimit':
      spec = { kind, limit: r.uint(256) }
      policy = sdk.getValueLimitPolicy({ limit: spec.limit })
      break
    case 'spendingLimit': {
      const tokens = new Set()
      for (let n = r.int(1, 4); tokens.size < n; ) tokens.add(r.address())
      spec = { kind, limits: [...tokens].map((token) => ({ token, limit: r.uint(256) })) }
      policy = sdk.getSpendingLimitsPolicy(spec.limits)
      break
    }
    case 'uniAction': {
      const rules = []
      for (let n = r.int(0, 16); n > 0; n--) {
        rules.push({
          condition: r.int(0, 6),
          offset: r.uint(64),
          isLimited: r.bool(),
          ref: r.hex(32),
          usage: { limit: r.uint(256), used: r.uint(256) },
        })
      }
      spec = { kind, valueLimitPerUse: r.uint(256), rules }
      const padded = [...rules, ...Array(16 - rules.length).fill(ZERO_RULE)]
      policy = sdk.getUniversalActionPolicy({
        valueLimitPerUse: spec.valueLimitPerUse,
        paramRules: { length: BigInt(rules.length), rules: padded },
      })
      break
    }
  }

  return { spec: { ...spec, policy: policy.address, initData: out(policy.initData) }, data: { policy: policy.address, initData: policy.initData } }
}

const policies = (min, max) => Array.from({ length: r.int(min, max) }, randomPolicy)

function randomValidator() {
  switch (r.int(0, 2)) {
    case 0: {
      const owners = Array.from({ length: r.int(1, 5) }, () => r.address())
      const threshold = r.int(1, owners.length)
      // module-sdk 0.1.32 sorts the owners as strings, which is not numeric order for checksummed (mixed-case)
      // addresses; lowercase them for it. 0.4.0 lowercases them itself.
      const given = legacy ? owners.map((o) => o.toLowerCase()) : [...owners]
      const initData = sdk.getOwnableValidator({ threshold, owners: given }).initData
      return { spec: { kind: 'ownable', threshold, owners }, sessionValidator: ownableValidator, initData }
    }
    case 1: {
      const key = r.address()
      return { spec: { kind: 'singleKey', key }, sessionValidator: r.address(), initData: key.toLowerCase() }
    }
    default: {
      const data = r.hex(r.int(0, 100))
      return { spec: { kind: 'raw', data }, sessionValidator: r.address(), initData: data }
    }
  }
}

function randomAction() {
  let target, selector
  switch (r.int(0, 9)) {
    case 0: target = FALLBACK_TARGET; selector = '0x00000001'; break
    case 1: target = FALLBACK_TARGET; selector = '0x00000002'; break
    case 2: target = r.address(); selector = '0xffffffff'; break
    default: target = r.address(); selector = r.hex(4)
  }
  const actionPolicies = policies(1, 3)
  return {
    spec: { target, selector, policies: actionPolicies.map((p) => p.spec) },
    data: { actionTargetSelector: selector, actionTarget: target, actionPolicies: actionPolicies.map((p) => p.data) },
  }
}

function randomSession() {
  const validator = randomValidator()
  const salt = r.hex(32)
  const userOpPolicies = policies(0, 3)
  const actions = Array.from({ length: r.int(0, 16) }, randomAction)
  const erc1271Policies = policies(actions.length === 0 ? 1 : 0, 2)
  let contexts, allowedERC7739Content
  if (legacy) {
    const names = Array.from({ length: r.int(0, 3) }, () => r.text())
    contexts = names.length === 0 ? [] : [{ separator: zeroHash, names }]
    allowedERC7739Content = names
  } else {
    contexts = Array.from({ length: r.int(0, 2) }, () => ({ separator: r.hex(32), names: Array.from({ length: r.int(0, 3) }, () => r.text()) }))
    allowedERC7739Content = contexts.map((c) => ({ appDomainSeparator: c.separator, contentName: c.names }))
  }
  const permitERC4337Paymaster = legacy ? false : r.bool()
  const spec = {
    validator: validator.spec,
    sessionValidator: validator.sessionValidator,
    sessionValidatorInitData: validator.initData,
    salt,
    userOpPolicies: userOpPolicies.map((p) => p.spec),
    erc7739: { contexts, erc1271Policies: erc1271Policies.map((p) => p.spec) },
    actions: actions.map((a) => a.spec),
    permitERC4337Paymaster,
  }
  const data = {
    sessionValidator: validator.sessionValidator,
    sessionValidatorInitData: validator.initData,
    salt,
    userOpPolicies: userOpPolicies.map((p) => p.data),
    erc7739Policies: { allowedERC7739Content, erc1271Policies: erc1271Policies.map((p) => p.data) },
    actions: actions.map((a) => a.data),
    ...(legacy ? {} : { permitERC4337Paymaster }),
    chainId: 1n,
  }
  return { spec, data }
}

// The enable digest over 1–3 chains. The contract derives the three flags (HashLib.hashPermissions): a fallback action
// (address(1), 0x00000001) permits generic policies, (address(1), 0x00000002) admin access; UNSAFE_ENABLE ignores
// security attestations. module-sdk 0.4.0 leaves them to the caller, so they are derived here as the contract does.
function enableDigest(session, withTypedData) {
  const account = r.address()
  const mode = r.int(1, 2)
  const chains = Array.from({ length: r.int(1, 3) }, () => ({ chainId: r.uint(64), nonce: r.uint(256) }))
  const isFallback = (selector) => (a) => a.actionTarget === FALLBACK_TARGET && a.actionTargetSelector === selector
  const chainSessions = chains.map(({ chainId, nonce }) => ({
    chainId,
    session: legacy
      ? {
          account, smartSession, mode,
          sessionValidator: session.sessionValidator, salt: session.salt, sessionValidatorInitData: session.sessionValidatorInitData,
          userOpPolicies: session.userOpPolicies, erc7739Policies: session.erc7739Policies, actions: session.actions, nonce,
        }
      : {
          account,
          permissions: {
            permitGenericPolicy: session.actions.some(isFallback('0x00000001')),
            permitAdminAccess: session.actions.some(isFallback('0x00000002')),
            ignoreSecurityAttestations: mode === 2,
            permitERC4337Paymaster: session.permitERC4337Paymaster,
            userOpPolicies: session.userOpPolicies, erc7739Policies: session.erc7739Policies, actions: session.actions,
          },
          sessionValidator: session.sessionValidator, sessionValidatorInitData: session.sessionValidatorInitData,
          salt: session.salt, smartSession, nonce,
        },
  }))
  const message = { sessionsAndChainIds: chainSessions }
  const result = {
    account, mode, chains,
    sdkDigest: sdk.hashChainSessions(chainSessions),
    viemDigest: hashTypedData({ domain: DOMAIN, types: TYPES, primaryType: PRIMARY_TYPE, message }),
  }
  if (withTypedData) {
    // Each chain's session struct hash (the module's getSessionDigest), and the same typed data as JSON
    // (eth_signTypedData_v4 shape) for Nethereum's encoder.
    result.sessionDigests = chainSessions.map((c) => hashStruct({ types: TYPES, primaryType: legacy ? 'SessionEIP712' : 'SignedSession', data: c.session }))
    result.typedData = {
      types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }], ...TYPES },
      primaryType: PRIMARY_TYPE,
      domain: DOMAIN,
      message,
    }
  }
  return result
}

const vectors = []
const datas = []
for (let i = 0; i < count; i++) {
  const { spec, data } = randomSession()
  datas.push(data)
  const permissionId = sdk.getPermissionId({ session: data })
  const actionIds = await Promise.all(data.actions.map((a) => sdk.getActionId({ target: a.actionTarget, selector: a.actionTargetSelector })))

  // Install data and enableSessions calldata for this session, or for the previous one and this one.
  const installed = i > 0 && r.bool() ? [i - 1, i] : [i]
  const sessions = installed.map((k) => datas[k])
  const useRegistry = legacy ? true : r.bool()
  const install = sdk.getSmartSessionsValidator(legacy ? { sessions } : { sessions, useRegistry })
  const enableSessions = sdk.getEnableSessionsAction({ sessions })

  const digest = i < digestCount ? enableDigest(data, i < 3) : undefined
  const chainCount = r.int(1, 3)
  const enableSession = {
    chainDigestIndex: r.int(0, chainCount - 1),
    hashesAndChainIds: Array.from({ length: chainCount }, () => ({ chainId: r.uint(64), sessionDigest: r.hex(32) })),
    sessionToEnable: data,
    permissionEnableSig: r.hex(r.int(0, 100)),
  }
  const enableSessionAbi = encodeAbiParameters([encodeEnableSessionSignatureAbi[0]], [enableSession])

  vectors.push({
    session: spec,
    permissionId,
    actionIds,
    install: { sessions: installed, useRegistry, data: out(install.initData), module: install.address },
    enableSessions: { sessions: installed, to: enableSessions.target, data: out(enableSessions.callData) },
    digest,
    enableSession: {
      chainDigestIndex: enableSession.chainDigestIndex,
      hashesAndChainIds: enableSession.hashesAndChainIds,
      permissionEnableSig: enableSession.permissionEnableSig,
      abi: out(enableSessionAbi),
    },
  })
}

process.stdout.write(toJson({ version: legacy ? 'legacy' : 'current', seed, smartSession, ownableValidator, vectors }))
