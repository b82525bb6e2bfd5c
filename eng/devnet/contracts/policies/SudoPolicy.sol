// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Allows everything, in every policy role. Only for sessions that explicitly opt out of limits.
contract SudoPolicy is PolicyBase, IUserOpPolicyLike, IActionPolicyLike, I1271PolicyLike {
    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata) external {
        emit PolicySet(configId, msg.sender, account);
    }

    function checkUserOpPolicy(bytes32, PackedUserOperation calldata) external pure returns (uint256) {
        return VALIDATION_SUCCESS;
    }

    function checkAction(bytes32, address, address, uint256, bytes calldata) external pure returns (uint256) {
        return VALIDATION_SUCCESS;
    }

    function check1271SignedAction(bytes32, address, address, bytes32, bytes calldata) external pure returns (bool) {
        return true;
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == USER_OP_POLICY || interfaceId == ACTION_POLICY || interfaceId == ERC1271_POLICY;
    }
}
