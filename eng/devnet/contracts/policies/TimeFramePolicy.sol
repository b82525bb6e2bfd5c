// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Time-frame policy: initData starts with abi.encodePacked(uint48 validUntil, uint48 validAfter) (12 bytes;
/// what follows is ignored), as the real TimeFramePolicy reads it. It does not judge time itself: it returns ERC-4337
/// validation data carrying the window, and the EntryPoint refuses the user op outside it (AA22). validUntil 0 means
/// no end. As in the real policy, a window that ends before it starts is refused at init, and (0, 0) — the state of a
/// configuration never written — makes every check revert PolicyNotInitialized.
contract TimeFramePolicy is PolicyBase, IUserOpPolicyLike, IActionPolicyLike, I1271PolicyLike {
    struct TimeFrame {
        uint48 validUntil;
        uint48 validAfter;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => TimeFrame))) public timeFrames;

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        // Shorter init data fails the slice with an empty revert, as in the real policy.
        uint96 packed = uint96(bytes12(initData[0:12]));
        TimeFrame memory frame = TimeFrame({ validUntil: uint48(packed >> 48), validAfter: uint48(packed) });
        if (frame.validUntil != 0 && frame.validAfter > frame.validUntil) revert PolicyNotInitialized(configId, msg.sender, account);
        timeFrames[configId][msg.sender][account] = frame;
        emit PolicySet(configId, msg.sender, account);
    }

    function checkUserOpPolicy(bytes32 id, PackedUserOperation calldata userOp) external view returns (uint256) {
        TimeFrame memory frame = _frame(id, userOp.sender);
        return packValidationData(false, frame.validUntil, frame.validAfter);
    }

    function checkAction(bytes32 id, address account, address, uint256, bytes calldata) external view returns (uint256) {
        TimeFrame memory frame = _frame(id, account);
        return packValidationData(false, frame.validUntil, frame.validAfter);
    }

    function check1271SignedAction(bytes32 id, address, address account, bytes32, bytes calldata)
        external
        view
        returns (bool)
    {
        TimeFrame memory frame = _frame(id, account);
        return block.timestamp >= frame.validAfter && (frame.validUntil == 0 || block.timestamp < frame.validUntil);
    }

    function _frame(bytes32 id, address account) private view returns (TimeFrame memory frame) {
        frame = timeFrames[id][msg.sender][account];
        if (frame.validUntil == 0 && frame.validAfter == 0) revert PolicyNotInitialized(id, msg.sender, account);
    }

    /// @notice The time frame as the real TimeFramePolicy's getter returns it: validUntil << 48 | validAfter (0 when not set).
    function getTimeFrameConfig(bytes32 id, address multiplexer, address account) external view returns (uint256) {
        TimeFrame memory frame = timeFrames[id][multiplexer][account];
        return (uint256(frame.validUntil) << 48) | uint256(frame.validAfter);
    }

    function _isPolicyKind(bytes4 interfaceId) internal pure override returns (bool) {
        return interfaceId == USER_OP_POLICY || interfaceId == ACTION_POLICY || interfaceId == ERC1271_POLICY;
    }
}
