// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Universal action policy with the real UniActionPolicy's init data and judgement.
/// initData = abi.encode(ActionConfig): a native value limit per call and up to 16 rules, each comparing one 32-byte
/// word of the call's arguments (at `offset` after the selector) with `ref`; a limited rule also adds the word to its
/// `used` (starting from the init data's value) and fails the call that would pass `limit`.
/// - a value above the per-call limit reverts ValueLimitExceeded (not a plain failed check);
/// - a configuration with no rules (never written, or initialised with length 0) reverts PolicyNotInitialized;
/// - a rule whose word lies beyond the call data reverts (empty), a length above 16 reverts at init (Panic 0x32).
contract UniActionPolicy is PolicyBase, IActionPolicyLike {
    enum ParamCondition {
        EQUAL,
        GREATER_THAN,
        LESS_THAN,
        GREATER_THAN_OR_EQUAL,
        LESS_THAN_OR_EQUAL,
        NOT_EQUAL,
        IN_RANGE
    }

    struct LimitUsage {
        uint256 limit;
        uint256 used;
    }

    struct ParamRule {
        ParamCondition condition;
        uint64 offset;
        bool isLimited;
        bytes32 ref;
        LimitUsage usage;
    }

    struct ParamRules {
        uint256 length;
        ParamRule[16] rules;
    }

    struct ActionConfig {
        uint256 valueLimitPerUse;
        ParamRules paramRules;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => ActionConfig))) private _configs;

    error ValueLimitExceeded(bytes32 id, uint256 value, uint256 limit);

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        ActionConfig memory config = abi.decode(initData, (ActionConfig));
        ActionConfig storage stored = _configs[configId][msg.sender][account];
        stored.valueLimitPerUse = config.valueLimitPerUse;
        stored.paramRules.length = config.paramRules.length;
        for (uint256 i; i < config.paramRules.length; ++i) {
            stored.paramRules.rules[i] = config.paramRules.rules[i];
        }
        emit PolicySet(configId, msg.sender, account);
    }

    function checkAction(bytes32 id, address account, address, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        ActionConfig storage config = _configs[id][msg.sender][account];
        uint256 length = config.paramRules.length;
        if (length == 0) revert PolicyNotInitialized(id, msg.sender, account);
        if (value > config.valueLimitPerUse) revert ValueLimitExceeded(id, value, config.valueLimitPerUse);
        for (uint256 i; i < length; ++i) {
            if (!_holds(config.paramRules.rules[i], data)) return VALIDATION_FAILED;
        }
        return VALIDATION_SUCCESS;
    }

    function _holds(ParamRule storage rule, bytes calldata data) private returns (bool) {
        uint64 start = 4 + rule.offset;
        bytes32 word = bytes32(data[start:start + 32]);
        ParamCondition condition = rule.condition;
        bytes32 ref = rule.ref;
        bool holds;
        if (condition == ParamCondition.EQUAL) holds = word == ref;
        else if (condition == ParamCondition.GREATER_THAN) holds = word > ref;
        else if (condition == ParamCondition.LESS_THAN) holds = word < ref;
        else if (condition == ParamCondition.GREATER_THAN_OR_EQUAL) holds = word >= ref;
        else if (condition == ParamCondition.LESS_THAN_OR_EQUAL) holds = word <= ref;
        else if (condition == ParamCondition.NOT_EQUAL) holds = word != ref;
        else holds = uint256(word) >= uint256(ref) >> 128 && uint256(word) <= uint256(ref) & type(uint128).max; // IN_RANGE: ref = min ‖ max
        if (!holds) return false;

        if (rule.isLimited) {
            uint256 used = rule.usage.used + uint256(word);
            if (used > rule.usage.limit) return false;
            rule.usage.used = used;
        }
        return true;
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == ACTION_POLICY;
    }
}
