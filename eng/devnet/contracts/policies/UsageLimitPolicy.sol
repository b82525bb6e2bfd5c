// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Usage-limit policy: initData starts with abi.encodePacked(uint128 limit) (16 bytes; what follows is
/// ignored). Each checked user op (as a user-op policy) or call (as an action policy) uses one; past the limit the
/// check fails. As in the real UsageLimitPolicy, a zero limit is refused at init (PolicyNotInitialized), re-init
/// starts counting again, and a configuration never written fails every check (its limit is zero) without reverting.
contract UsageLimitPolicy is PolicyBase, IUserOpPolicyLike, IActionPolicyLike {
    struct Usage {
        uint128 limit;
        uint128 used;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => Usage))) public usages;

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        uint128 limit = uint128(bytes16(initData[0:16]));
        if (limit == 0) revert PolicyNotInitialized(configId, msg.sender, account);
        usages[configId][msg.sender][account] = Usage({ limit: limit, used: 0 });
        emit PolicySet(configId, msg.sender, account);
    }

    function checkUserOpPolicy(bytes32 id, PackedUserOperation calldata userOp) external returns (uint256) {
        return _use(id, userOp.sender);
    }

    function checkAction(bytes32 id, address account, address, uint256, bytes calldata) external returns (uint256) {
        return _use(id, account);
    }

    function _use(bytes32 id, address account) private returns (uint256) {
        Usage storage usage = usages[id][msg.sender][account];
        uint128 used = usage.used + 1;
        if (used > usage.limit) return VALIDATION_FAILED;
        usage.used = used;
        return VALIDATION_SUCCESS;
    }

    /// @notice The limit, as the real UsageLimitPolicy's getter.
    function getUsageLimit(bytes32 id, address multiplexer, address account) external view returns (uint128) {
        return usages[id][multiplexer][account].limit;
    }

    /// @notice The uses counted, as the real UsageLimitPolicy's getter.
    function getUsed(bytes32 id, address multiplexer, address account) external view returns (uint128) {
        return usages[id][multiplexer][account].used;
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == USER_OP_POLICY || interfaceId == ACTION_POLICY;
    }
}
