// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "../interfaces/IModules.sol";

/// @notice ERC-165 for the devnet policies: true for ERC-165 itself and for the policy kinds a policy
/// implements, false for anything else (0xffffffff included) — the strict check current Smart Sessions
/// makes with OZ's ERC165Checker, which the legacy build's single supportsInterface call also passes.
abstract contract PolicyBase is IERC165Like {
    bytes4 internal constant USER_OP_POLICY = IUserOpPolicyLike.checkUserOpPolicy.selector;
    bytes4 internal constant ACTION_POLICY = IActionPolicyLike.checkAction.selector;
    bytes4 internal constant ERC1271_POLICY = I1271PolicyLike.check1271SignedAction.selector;

    error PolicyNotInitialized(bytes32 configId, address multiplexer, address account);

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC165Like).interfaceId || _isPolicyKind(interfaceId);
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure virtual returns (bool);
}
