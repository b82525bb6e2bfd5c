// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice ERC-20 spending-limit action policy. initData = abi.encode(address[] tokens, uint256[] limits), the
/// encoding of the real ERC20SpendingLimitPolicy, and the same judgement: the action's target is the token; transfer
/// and transferFrom amounts (spent) and approve / increaseAllowance amounts (approved) add up per (configId,
/// multiplexer, token, account), and spent + approved may not exceed that token's limit. A transferFrom into the
/// account spends nothing. Any other call or an ETH value fails the check. A token the session does not list has a
/// limit of zero, so only zero amounts pass for it — as in the real policy. Re-initialisation replaces the whole
/// configuration: tokens of the earlier one are cleared, counts start again.
contract SpendingLimitPolicy is PolicyBase, IActionPolicyLike {
    struct TokenBudget {
        uint256 spent;
        uint256 approved;
        uint256 limit;
    }

    bytes4 private constant TRANSFER = 0xa9059cbb; // transfer(address,uint256)
    bytes4 private constant TRANSFER_FROM = 0x23b872dd; // transferFrom(address,address,uint256)
    bytes4 private constant APPROVE = 0x095ea7b3; // approve(address,uint256)
    bytes4 private constant INCREASE_ALLOWANCE = 0x39509351; // increaseAllowance(address,uint256)

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => address[]))) private _tokens;
    mapping(bytes32 configId => mapping(address multiplexer => mapping(address token => mapping(address account => TokenBudget)))) public
        budgets;

    error InvalidTokenAddress(address token);
    error InvalidLimit(uint256 limit);
    error InvalidInitDataLength();

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        (address[] memory tokens, uint256[] memory limits) = abi.decode(initData, (address[], uint256[]));
        if (tokens.length != limits.length) revert InvalidInitDataLength();

        address[] storage configured = _tokens[configId][msg.sender][account];
        for (uint256 i; i < configured.length; ++i) {
            delete budgets[configId][msg.sender][configured[i]][account];
        }
        delete _tokens[configId][msg.sender][account];

        for (uint256 i; i < tokens.length; ++i) {
            if (tokens[i] == address(0)) revert InvalidTokenAddress(tokens[i]);
            if (limits[i] == 0) revert InvalidLimit(limits[i]);
            TokenBudget storage budget = budgets[configId][msg.sender][tokens[i]][account];
            if (budget.limit == 0) configured.push(tokens[i]); // listed twice: the last limit counts, cleared once
            budget.limit = limits[i];
        }
        emit PolicySet(configId, msg.sender, account);
    }

    function checkAction(bytes32 id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        if (value != 0) return VALIDATION_FAILED;
        (bool known, bool approval, uint256 amount) = _amountOf(account, data);
        if (!known) return VALIDATION_FAILED;
        if (target == address(0)) revert InvalidTokenAddress(target);

        TokenBudget storage budget = budgets[id][msg.sender][target][account];
        if (approval) {
            uint256 approved = budget.approved + amount;
            if (budget.spent + approved > budget.limit) return VALIDATION_FAILED;
            budget.approved = approved;
        } else {
            uint256 spent = budget.spent + amount;
            if (spent + budget.approved > budget.limit) return VALIDATION_FAILED;
            budget.spent = spent;
        }
        return VALIDATION_SUCCESS;
    }

    /// Call data shorter than its arguments fails to decode (an empty revert), as in the real policy.
    function _amountOf(address account, bytes calldata data) private pure returns (bool known, bool approval, uint256 amount) {
        bytes4 selector = bytes4(data[0:4]);
        if (selector == APPROVE || selector == INCREASE_ALLOWANCE) {
            (, amount) = abi.decode(data[4:], (address, uint256));
            return (true, true, amount);
        }
        if (selector == TRANSFER) {
            (, amount) = abi.decode(data[4:], (address, uint256));
            return (true, false, amount);
        }
        if (selector == TRANSFER_FROM) {
            (, address to, uint256 moved) = abi.decode(data[4:], (address, address, uint256));
            // Tokens coming into the account spend nothing.
            return (true, false, to == account ? 0 : moved);
        }
        return (false, false, 0);
    }

    /// @notice (limit, spent, approved) of a token, as the real ERC20SpendingLimitPolicy's getter, which reverts
    /// InvalidTokenAddress for a token its configuration does not list (every listed token has a non-zero limit).
    function getPolicyData(bytes32 id, address multiplexer, address token, address account)
        external
        view
        returns (uint256 spendingLimit, uint256 alreadySpent, uint256 approvedAmount)
    {
        TokenBudget memory budget = budgets[id][multiplexer][token][account];
        if (token == address(0) || budget.limit == 0) revert InvalidTokenAddress(token);
        return (budget.limit, budget.spent, budget.approved);
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == ACTION_POLICY;
    }
}
