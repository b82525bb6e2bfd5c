// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { PackedUserOperation } from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";

// The module interfaces the devnet contracts implement, declared from their ABI (ERC-7579 and the
// Smart Sessions module). Only the functions the account and the SmartSession actually call are here.

uint256 constant MODULE_TYPE_VALIDATOR = 1;
uint256 constant MODULE_TYPE_STATELESS_VALIDATOR = 7;

uint256 constant VALIDATION_SUCCESS = 0;
uint256 constant VALIDATION_FAILED = 1;

bytes4 constant ERC1271_MAGIC = 0x1626ba7e;
bytes4 constant ERC1271_INVALID = 0xffffffff;

interface IERC165Like {
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}

/// ERC-7579 module lifecycle.
interface IModuleLike {
    function onInstall(bytes calldata data) external;
    function onUninstall(bytes calldata data) external;
    function isModuleType(uint256 moduleTypeId) external view returns (bool);
}

/// ERC-7579 validator (module type 1).
interface IValidatorLike is IModuleLike {
    function validateUserOp(PackedUserOperation calldata userOp, bytes32 userOpHash) external returns (uint256);
    function isValidSignatureWithSender(address sender, bytes32 hash, bytes calldata data) external view returns (bytes4);
}

/// Smart Sessions stateless session validator (module type 7).
interface ISessionValidatorLike is IModuleLike {
    function validateSignatureWithData(bytes32 hash, bytes calldata sig, bytes calldata data) external view returns (bool);
}

/// Every Smart Sessions policy: configured per (configId, multiplexer = msg.sender, account).
interface IPolicyLike is IERC165Like {
    function initializeWithMultiplexer(address account, bytes32 configId, bytes calldata initData) external;
}

interface IUserOpPolicyLike is IPolicyLike {
    function checkUserOpPolicy(bytes32 id, PackedUserOperation calldata userOp) external returns (uint256);
}

interface IActionPolicyLike is IPolicyLike {
    function checkAction(bytes32 id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256);
}

interface I1271PolicyLike is IPolicyLike {
    function check1271SignedAction(bytes32 id, address requestSender, address account, bytes32 hash, bytes calldata signature)
        external
        view
        returns (bool);
}

/// Packs ERC-4337 validation data: authorizer bit (0 = ok, 1 = failed) | validUntil << 160 | validAfter << 208.
function packValidationData(bool failed, uint48 validUntil, uint48 validAfter) pure returns (uint256) {
    return (failed ? 1 : 0) | (uint256(validUntil) << 160) | (uint256(validAfter) << 208);
}
