// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice ERC-20 spending-limit action policy. initData = abi.encode(address[] tokens, uint256[] limits),
/// the encoding of the real ERC20SpendingLimitPolicy. The action's target is the token; transfer,
/// approve and transferFrom amounts add up per (configId, multiplexer, account, token) and may not
/// exceed that token's limit. Any other call, a token not configured, or an ETH value is refused.
contract SpendingLimitPolicy is PolicyBase, IActionPolicyLike {
    struct TokenAllowance {
        uint256 limit;
        uint256 spent;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address token => mapping(address account => TokenAllowance)))) public
        allowances;

    error LengthMismatch(uint256 tokens, uint256 limits);
    error InvalidToken(address token);
    error InvalidLimit(address token);

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        (address[] memory tokens, uint256[] memory limits) = abi.decode(initData, (address[], uint256[]));
        if (tokens.length != limits.length) revert LengthMismatch(tokens.length, limits.length);
        for (uint256 i; i < tokens.length; ++i) {
            if (tokens[i] == address(0)) revert InvalidToken(tokens[i]);
            if (limits[i] == 0) revert InvalidLimit(tokens[i]);
            allowances[configId][msg.sender][tokens[i]][account] = TokenAllowance({ limit: limits[i], spent: 0 });
        }
    }

    function checkAction(bytes32 id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        TokenAllowance storage allowance = allowances[id][msg.sender][target][account];
        // A token without a limit in this session is as refused as an over-limit amount.
        if (allowance.limit == 0 || value != 0 || data.length < 4) return VALIDATION_FAILED;
        (bool known, uint256 amount) = _amountOf(data);
        if (!known) return VALIDATION_FAILED;
        uint256 spent = allowance.spent + amount;
        if (spent > allowance.limit) return VALIDATION_FAILED;
        allowance.spent = spent;
        return VALIDATION_SUCCESS;
    }

    function _amountOf(bytes calldata data) private pure returns (bool known, uint256 amount) {
        bytes4 selector = bytes4(data[:4]);
        // transfer(address,uint256) and approve(address,uint256): amount is the second word.
        if (selector == 0xa9059cbb || selector == 0x095ea7b3) {
            if (data.length < 68) return (false, 0);
            return (true, uint256(bytes32(data[36:68])));
        }
        // transferFrom(address,address,uint256): amount is the third word.
        if (selector == 0x23b872dd) {
            if (data.length < 100) return (false, 0);
            return (true, uint256(bytes32(data[68:100])));
        }
        return (false, 0);
    }

    /// @notice (limit, spent, approved) of a token, as the real ERC20SpendingLimitPolicy's getter, which reverts for a token
    /// it has no limit for. This policy counts approvals as spent, so approved is always 0.
    function getPolicyData(bytes32 id, address multiplexer, address token, address account)
        external
        view
        returns (uint256 spendingLimit, uint256 alreadySpent, uint256 approvedAmount)
    {
        TokenAllowance memory allowance = allowances[id][multiplexer][token][account];
        if (allowance.limit == 0) revert InvalidToken(token);
        return (allowance.limit, allowance.spent, 0);
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == ACTION_POLICY;
    }
}
