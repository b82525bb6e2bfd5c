// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Native-value limit: initData starts with abi.encode(uint256 limit) (32 bytes; what follows is ignored).
/// The ETH value of the calls adds up and may not exceed the limit: per action as an action policy, over every
/// call of the user op (single or batch execute) as a user-op policy. As in the real ValueLimitPolicy, a zero limit
/// is refused at init (PolicyNotInitialized), re-init starts counting again, and a configuration never written
/// admits only calls without value (its limit is zero).
contract ValueLimitPolicy is PolicyBase, IActionPolicyLike, IUserOpPolicyLike {
    struct ValueAllowance {
        uint256 limit;
        uint256 spent;
    }

    struct Execution {
        address target;
        uint256 value;
        bytes callData;
    }

    bytes4 private constant EXECUTE = 0xe9ae5c53; // execute(bytes32 mode, bytes executionCalldata)
    bytes1 private constant CALLTYPE_SINGLE = 0x00;
    bytes1 private constant CALLTYPE_BATCH = 0x01;

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => ValueAllowance))) public allowances;

    /// The real policy's error (ISmartSession.UnsupportedCallType) for a delegate or static call: not judged, refused.
    error UnsupportedCallType(bytes1 callType);

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        uint256 limit = uint256(bytes32(initData[0:32]));
        if (limit == 0) revert PolicyNotInitialized(configId, msg.sender, account);
        allowances[configId][msg.sender][account] = ValueAllowance({ limit: limit, spent: 0 });
        emit PolicySet(configId, msg.sender, account);
    }

    function checkAction(bytes32 id, address account, address, uint256 value, bytes calldata) external returns (uint256) {
        return _spend(allowances[id][msg.sender][account], value);
    }

    function checkUserOpPolicy(bytes32 id, PackedUserOperation calldata userOp) external returns (uint256) {
        // Only the account's execute carries value the policy can see; any other call data passes.
        if (bytes4(userOp.callData[0:4]) != EXECUTE) return VALIDATION_SUCCESS;
        (bytes32 mode, bytes memory execution) = abi.decode(userOp.callData[4:], (bytes32, bytes));
        bytes1 callType = bytes1(mode);
        uint256 value;
        if (callType == CALLTYPE_SINGLE) {
            // abi.encodePacked(address target, uint256 value, bytes callData)
            if (execution.length < 52) revert();
            assembly {
                value := mload(add(execution, 52))
            }
        } else if (callType == CALLTYPE_BATCH) {
            Execution[] memory executions = abi.decode(execution, (Execution[]));
            for (uint256 i; i < executions.length; ++i) {
                value += executions[i].value;
            }
        } else {
            revert UnsupportedCallType(callType);
        }
        return _spend(allowances[id][msg.sender][userOp.sender], value);
    }

    function _spend(ValueAllowance storage allowance, uint256 value) private returns (uint256) {
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
        return interfaceId == ACTION_POLICY || interfaceId == USER_OP_POLICY;
    }
}
