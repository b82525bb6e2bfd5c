// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Native-value limit: initData = abi.encode(uint256 limit). As an action policy the ETH value
/// of the calls adds up and may not exceed the limit.
contract ValueLimitPolicy is PolicyBase, IActionPolicyLike {
    struct ValueAllowance {
        uint256 limit;
        uint256 spent;
        bool initialized;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => ValueAllowance))) public allowances;

    error InvalidInitDataLength(uint256 length);

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        if (initData.length != 32) revert InvalidInitDataLength(initData.length);
        allowances[configId][msg.sender][account] =
            ValueAllowance({ limit: abi.decode(initData, (uint256)), spent: 0, initialized: true });
    }

    function checkAction(bytes32 id, address account, address, uint256 value, bytes calldata) external returns (uint256) {
        ValueAllowance storage allowance = allowances[id][msg.sender][account];
        if (!allowance.initialized) revert PolicyNotInitialized(id, msg.sender, account);
        uint256 spent = allowance.spent + value;
        if (spent > allowance.limit) return VALIDATION_FAILED;
        allowance.spent = spent;
        return VALIDATION_SUCCESS;
    }

    /// @notice The limit (wei), as the real ValueLimitPolicy's getter.
    function getValueLimit(bytes32 id, address multiplexer, address account) external view returns (uint256) {
        return allowances[id][multiplexer][account].limit;
    }

    /// @notice The value counted (wei), as the real ValueLimitPolicy's getter.
    function getUsed(bytes32 id, address multiplexer, address account) external view returns (uint256) {
        return allowances[id][multiplexer][account].spent;
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == ACTION_POLICY;
    }
}
