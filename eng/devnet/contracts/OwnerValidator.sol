// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { PackedUserOperation } from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import { ECDSA } from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import { MessageHashUtils } from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import "./interfaces/IModules.sol";

/// @notice Single-owner ECDSA validator for an ERC-7579 account (module type 1).
/// onInstall(abi.encode(owner)). User ops are signed eth_sign style (EIP-191 prefix over the
/// userOpHash, added here); ERC-1271 requests (e.g. a SmartSession enable digest) are checked over the
/// raw hash, as the legacy SmartSession passes it through unwrapped.
contract OwnerValidator is IValidatorLike {
    mapping(address account => address owner) public ownerOf;

    error AlreadyInstalled(address account);
    error InvalidOwner();

    function onInstall(bytes calldata data) external {
        if (ownerOf[msg.sender] != address(0)) revert AlreadyInstalled(msg.sender);
        address owner = abi.decode(data, (address));
        if (owner == address(0)) revert InvalidOwner();
        ownerOf[msg.sender] = owner;
    }

    function onUninstall(bytes calldata) external {
        delete ownerOf[msg.sender];
    }

    function isInitialized(address account) external view returns (bool) {
        return ownerOf[account] != address(0);
    }

    function isModuleType(uint256 moduleTypeId) external pure returns (bool) {
        return moduleTypeId == MODULE_TYPE_VALIDATOR;
    }

    function validateUserOp(PackedUserOperation calldata userOp, bytes32 userOpHash) external view returns (uint256) {
        bytes32 digest = MessageHashUtils.toEthSignedMessageHash(userOpHash);
        return _signedByOwner(userOp.sender, digest, userOp.signature) ? VALIDATION_SUCCESS : VALIDATION_FAILED;
    }

    function isValidSignatureWithSender(address, bytes32 hash, bytes calldata data) external view returns (bytes4) {
        return _signedByOwner(msg.sender, hash, data) ? ERC1271_MAGIC : ERC1271_INVALID;
    }

    function _signedByOwner(address account, bytes32 digest, bytes calldata signature) private view returns (bool) {
        address owner = ownerOf[account];
        if (owner == address(0)) return false;
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, signature);
        return err == ECDSA.RecoverError.NoError && signer == owner;
    }
}
