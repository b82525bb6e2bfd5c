// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Usage-limit policy: initData = abi.encodePacked(uint128 limit). Each checked user op (as a
/// user-op policy) or call (as an action policy) uses one; past the limit the check fails.
contract UsageLimitPolicy is PolicyBase, IUserOpPolicyLike, IActionPolicyLike {
    struct Usage {
        uint128 limit;
        uint128 used;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => Usage))) public usages;

    error InvalidInitDataLength(uint256 length);
    error InvalidLimit();

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        if (initData.length != 16) revert InvalidInitDataLength(initData.length);
        uint128 limit = uint128(bytes16(initData[0:16]));
        if (limit == 0) revert InvalidLimit();
        usages[configId][msg.sender][account] = Usage({ limit: limit, used: 0 });
    }

    function checkUserOpPolicy(bytes32 id, PackedUserOperation calldata userOp) external returns (uint256) {
        return _use(id, userOp.sender);
    }

    function checkAction(bytes32 id, address account, address, uint256, bytes calldata) external returns (uint256) {
        return _use(id, account);
    }

    function _use(bytes32 id, address account) private returns (uint256) {
        Usage storage usage = usages[id][msg.sender][account];
        if (usage.limit == 0) revert PolicyNotInitialized(id, msg.sender, account);
        if (usage.used >= usage.limit) return VALIDATION_FAILED;
        ++usage.used;
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
