// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "../interfaces/IModules.sol";

/// @notice What every devnet policy shares with the real Smart Sessions policies: ERC-165 answers (true for ERC-165,
/// for the policy interface itself and for the policy kinds a policy implements, false for anything else, 0xffffffff
/// included — the strict check current Smart Sessions makes with OZ's ERC165Checker, which the legacy build's single
/// supportsInterface call also passes), the PolicyNotInitialized error and the PolicySet event. Error and event
/// signatures are the real policies' ones, so a revert looks the same on chain whichever contract raised it.
abstract contract PolicyBase is IERC165Like {
    bytes4 internal constant POLICY = IPolicyLike.initializeWithMultiplexer.selector;
    bytes4 internal constant USER_OP_POLICY = IUserOpPolicyLike.checkUserOpPolicy.selector;
    bytes4 internal constant ACTION_POLICY = IActionPolicyLike.checkAction.selector;
    bytes4 internal constant ERC1271_POLICY = I1271PolicyLike.check1271SignedAction.selector;

    event PolicySet(bytes32 id, address multiplexer, address account);

    error PolicyNotInitialized(bytes32 id, address multiplexer, address account);

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC165Like).interfaceId || interfaceId == POLICY || _isPolicyKind(interfaceId);
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure virtual returns (bool);
}
