// The EIP-712 types of the SmartSession enable digest as the contracts define them (erc7579/smartsessions
// contracts/lib/HashLib.sol; the legacy ones as confirmed on chain, LEGACY-SMARTSESSION.md §Q2) — written here
// independently of the SDK's copy. Shared by the vector scripts and benchmarks/node/peers.mjs.
const POLICY = [{ name: 'policy', type: 'address' }, { name: 'initData', type: 'bytes' }]
const ACTION = [{ name: 'actionTargetSelector', type: 'bytes4' }, { name: 'actionTarget', type: 'address' }, { name: 'actionPolicies', type: 'PolicyData[]' }]

export const DOMAIN = { name: 'SmartSession', version: '1' }

export const smartSessionTypes = (legacy) => (legacy
  ? {
      PolicyData: POLICY,
      ActionData: ACTION,
      ERC7739Data: [{ name: 'allowedERC7739Content', type: 'string[]' }, { name: 'erc1271Policies', type: 'PolicyData[]' }],
      SessionEIP712: [
        { name: 'account', type: 'address' }, { name: 'smartSession', type: 'address' }, { name: 'mode', type: 'uint8' },
        { name: 'sessionValidator', type: 'address' }, { name: 'salt', type: 'bytes32' }, { name: 'sessionValidatorInitData', type: 'bytes' },
        { name: 'userOpPolicies', type: 'PolicyData[]' }, { name: 'erc7739Policies', type: 'ERC7739Data' },
        { name: 'actions', type: 'ActionData[]' }, { name: 'nonce', type: 'uint256' },
      ],
      ChainSessionEIP712: [{ name: 'chainId', type: 'uint64' }, { name: 'session', type: 'SessionEIP712' }],
      MultiChainSessionEIP712: [{ name: 'sessionsAndChainIds', type: 'ChainSessionEIP712[]' }],
    }
  : {
      PolicyData: POLICY,
      ActionData: ACTION,
      ERC7739Context: [{ name: 'appDomainSeparator', type: 'bytes32' }, { name: 'contentName', type: 'string[]' }],
      ERC7739Data: [{ name: 'allowedERC7739Content', type: 'ERC7739Context[]' }, { name: 'erc1271Policies', type: 'PolicyData[]' }],
      SignedPermissions: [
        { name: 'permitGenericPolicy', type: 'bool' }, { name: 'permitAdminAccess', type: 'bool' },
        { name: 'ignoreSecurityAttestations', type: 'bool' }, { name: 'permitERC4337Paymaster', type: 'bool' },
        { name: 'userOpPolicies', type: 'PolicyData[]' }, { name: 'erc7739Policies', type: 'ERC7739Data' }, { name: 'actions', type: 'ActionData[]' },
      ],
      SignedSession: [
        { name: 'account', type: 'address' }, { name: 'permissions', type: 'SignedPermissions' }, { name: 'sessionValidator', type: 'address' },
        { name: 'sessionValidatorInitData', type: 'bytes' }, { name: 'salt', type: 'bytes32' }, { name: 'smartSession', type: 'address' },
        { name: 'nonce', type: 'uint256' },
      ],
      ChainSession: [{ name: 'chainId', type: 'uint64' }, { name: 'session', type: 'SignedSession' }],
      MultiChainSession: [{ name: 'sessionsAndChainIds', type: 'ChainSession[]' }],
    })

export const primaryType = (legacy) => (legacy ? 'MultiChainSessionEIP712' : 'MultiChainSession')
