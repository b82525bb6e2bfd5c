// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { PackedUserOperation } from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import { ECDSA } from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import { MessageHashUtils } from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import "./interfaces/IModules.sol";

/// @notice Threshold-of-n ECDSA owner validator for an ERC-7579 account (module types 1 and 7), standing in
/// for Rhinestone's OwnableValidator on the devnet and behaving as it does where a test can see it:
///  - onInstall(abi.encode(uint256 threshold, address[] owners)), owners sorted ascending without duplicates,
///    1 <= threshold <= owners <= 32, no zero owner; anything else reverts (abi.encode(owner) alone too);
///  - a signature is `threshold` 65-byte r‖s‖v signatures concatenated (shorter: revert InvalidSignature),
///    each over the raw hash (v 27/28) or eth_sign style (v > 30, v - 4); user ops are checked over the
///    eth_sign hash of the userOpHash, ERC-1271 requests over the raw hash;
///  - validateSignatureWithData(hash, sig, abi.encode(threshold, owners)) for use as a session validator.
/// Contract signatures (v = 0) are not supported here: they count as no signer.
contract OwnerValidator is IValidatorLike {
    address private constant SENTINEL = address(1);
    uint256 private constant MAX_OWNERS = 32;

    // Per account, a linked list of owners from SENTINEL; keyed owner-first so every slot is the account's
    // own (ERC-7562 associated storage), as the validator is consulted while the account validates.
    mapping(address owner => mapping(address account => address next)) private _next;
    mapping(address account => uint256) public threshold;
    mapping(address account => uint256) public ownerCount;

    error AlreadyInitialized(address account);
    error NotSortedAndUnique();
    error ThresholdNotSet();
    error InvalidThreshold();
    error MaxOwnersReached();
    error InvalidOwner(address owner);
    error InvalidSignature();

    function onInstall(bytes calldata data) external {
        (uint256 _threshold, address[] memory owners) = abi.decode(data, (uint256, address[]));
        if (!_sortedAndUnique(owners)) revert NotSortedAndUnique();
        if (_threshold == 0) revert ThresholdNotSet();
        if (owners.length < _threshold) revert InvalidThreshold();
        if (owners.length > MAX_OWNERS) revert MaxOwnersReached();
        address account = msg.sender;
        if (_next[SENTINEL][account] != address(0)) revert AlreadyInitialized(account);
        threshold[account] = _threshold;
        ownerCount[account] = owners.length;
        address last = SENTINEL;
        for (uint256 i; i < owners.length; ++i) {
            if (owners[i] == address(0) || owners[i] == SENTINEL) revert InvalidOwner(owners[i]);
            _next[last][account] = owners[i];
            last = owners[i];
        }
        _next[last][account] = SENTINEL;
    }

    function onUninstall(bytes calldata) external {
        address account = msg.sender;
        address current = _next[SENTINEL][account];
        delete _next[SENTINEL][account];
        while (current != SENTINEL && current != address(0)) {
            address next = _next[current][account];
            delete _next[current][account];
            current = next;
        }
        threshold[account] = 0;
        ownerCount[account] = 0;
    }

    function isInitialized(address account) external view returns (bool) {
        return threshold[account] != 0;
    }

    function getOwners(address account) external view returns (address[] memory owners) {
        owners = new address[](ownerCount[account]);
        address current = _next[SENTINEL][account];
        for (uint256 i; i < owners.length; ++i) {
            owners[i] = current;
            current = _next[current][account];
        }
    }

    function isModuleType(uint256 moduleTypeId) external pure returns (bool) {
        return moduleTypeId == MODULE_TYPE_VALIDATOR || moduleTypeId == MODULE_TYPE_STATELESS_VALIDATOR;
    }

    function validateUserOp(PackedUserOperation calldata userOp, bytes32 userOpHash) external view returns (uint256) {
        bytes32 digest = MessageHashUtils.toEthSignedMessageHash(userOpHash);
        return _signedByOwners(userOp.sender, digest, userOp.signature) ? VALIDATION_SUCCESS : VALIDATION_FAILED;
    }

    function isValidSignatureWithSender(address, bytes32 hash, bytes calldata data) external view returns (bytes4) {
        return _signedByOwners(msg.sender, hash, data) ? ERC1271_MAGIC : ERC1271_INVALID;
    }

    function validateSignatureWithData(bytes32 hash, bytes calldata signature, bytes calldata data) external pure returns (bool) {
        (uint256 _threshold, address[] memory owners) = abi.decode(data, (uint256, address[]));
        if (!_sortedAndUnique(owners) || _threshold == 0) return false;
        address[] memory signers = _recover(hash, signature, _threshold);
        uint256 valid;
        for (uint256 i; i < signers.length; ++i) {
            if (signers[i] != address(0) && !_seenBefore(signers, i) && _contains(owners, signers[i])) ++valid;
        }
        return valid >= _threshold;
    }

    function _signedByOwners(address account, bytes32 hash, bytes calldata signature) private view returns (bool) {
        uint256 _threshold = threshold[account];
        if (_threshold == 0) return false;
        address[] memory signers = _recover(hash, signature, _threshold);
        uint256 valid;
        for (uint256 i; i < signers.length; ++i) {
            address signer = signers[i];
            if (signer != address(0) && signer != SENTINEL && !_seenBefore(signers, i) && _next[signer][account] != address(0)) ++valid;
        }
        return valid >= _threshold;
    }

    /// The first `count` 65-byte signatures' signers; address(0) for one that does not recover.
    function _recover(bytes32 hash, bytes calldata signature, uint256 count) private pure returns (address[] memory signers) {
        if (signature.length < count * 65) revert InvalidSignature();
        signers = new address[](count);
        for (uint256 i; i < count; ++i) {
            bytes calldata one = signature[i * 65:(i + 1) * 65];
            uint8 v = uint8(one[64]);
            bytes32 digest = hash;
            if (v > 30) {
                digest = MessageHashUtils.toEthSignedMessageHash(hash);
                v -= 4;
            }
            (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, v, bytes32(one[0:32]), bytes32(one[32:64]));
            if (err == ECDSA.RecoverError.NoError) signers[i] = signer;
        }
    }

    function _sortedAndUnique(address[] memory list) private pure returns (bool) {
        for (uint256 i = 1; i < list.length; ++i) {
            if (list[i - 1] >= list[i]) return false;
        }
        return true;
    }

    function _seenBefore(address[] memory list, uint256 index) private pure returns (bool) {
        for (uint256 i; i < index; ++i) {
            if (list[i] == list[index]) return true;
        }
        return false;
    }

    function _contains(address[] memory sorted, address value) private pure returns (bool) {
        for (uint256 i; i < sorted.length; ++i) {
            if (sorted[i] == value) return true;
        }
        return false;
    }
}
