// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import "./PolicyBase.sol";

/// @notice Time-frame policy: initData = abi.encodePacked(uint48 validUntil, uint48 validAfter), as the
/// real TimeFramePolicy. It does not judge time itself: it returns ERC-4337 validation data carrying the
/// window, and the EntryPoint refuses the user op outside it (AA22). validUntil 0 means no end.
contract TimeFramePolicy is PolicyBase, IUserOpPolicyLike, IActionPolicyLike, I1271PolicyLike {
    struct TimeFrame {
        uint48 validUntil;
        uint48 validAfter;
        bool initialized;
    }

    mapping(bytes32 configId => mapping(address multiplexer => mapping(address account => TimeFrame))) public timeFrames;

    error InvalidInitDataLength(uint256 length);

    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external {
        if (initData.length != 12) revert InvalidInitDataLength(initData.length);
        timeFrames[configId][msg.sender][account] =
            TimeFrame({ validUntil: uint48(bytes6(initData[0:6])), validAfter: uint48(bytes6(initData[6:12])), initialized: true });
    }

    function checkUserOpPolicy(bytes32 id, PackedUserOperation calldata userOp) external view returns (uint256) {
        return _validationData(id, userOp.sender);
    }

    function checkAction(bytes32 id, address account, address, uint256, bytes calldata) external view returns (uint256) {
        return _validationData(id, account);
    }

    function check1271SignedAction(bytes32 id, address, address account, bytes32, bytes calldata)
        external
        view
        returns (bool)
    {
        TimeFrame memory frame = _frame(id, account);
        return block.timestamp >= frame.validAfter && (frame.validUntil == 0 || block.timestamp < frame.validUntil);
    }

    function _validationData(bytes32 id, address account) private view returns (uint256) {
        TimeFrame memory frame = _frame(id, account);
        return packValidationData(false, frame.validUntil, frame.validAfter);
    }

    function _frame(bytes32 id, address account) private view returns (TimeFrame memory frame) {
        frame = timeFrames[id][msg.sender][account];
        if (!frame.initialized) revert PolicyNotInitialized(id, msg.sender, account);
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
