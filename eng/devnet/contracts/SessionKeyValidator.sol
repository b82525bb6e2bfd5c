// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ECDSA } from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import { MessageHashUtils } from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import "./interfaces/IModules.sol";

/// @notice Stateless ECDSA session validator for Smart Sessions (module type 7), reading either form of
/// sessionValidatorInitData a session may carry:
///  - 20 bytes, abi.encodePacked(address sessionKey): one key signs the raw hash;
///  - abi.encode(uint256 threshold, address[] owners), the OwnableValidator's layout: `threshold` distinct
///    owners sign, their 65-byte signatures concatenated.
/// A signature is over the raw hash (v 27/28), or eth_sign style when v > 30 (v - 4), as OwnableValidator reads it.
contract SessionKeyValidator is ISessionValidatorLike {
    error InvalidSessionKeyData(uint256 length);

    function onInstall(bytes calldata) external {}

    function onUninstall(bytes calldata) external {}

    function isModuleType(uint256 moduleTypeId) external pure returns (bool) {
        return moduleTypeId == MODULE_TYPE_STATELESS_VALIDATOR;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC165Like).interfaceId || interfaceId == ISessionValidatorLike.validateSignatureWithData.selector;
    }

    function validateSignatureWithData(bytes32 hash, bytes calldata sig, bytes calldata data) external pure returns (bool) {
        if (data.length == 20) {
            return sig.length == 65 && _recover(hash, sig) == address(bytes20(data));
        }
        if (data.length < 128) revert InvalidSessionKeyData(data.length);
        (uint256 threshold, address[] memory owners) = abi.decode(data, (uint256, address[]));
        if (threshold == 0 || threshold > owners.length || sig.length != threshold * 65) return false;
        address[] memory seen = new address[](threshold);
        for (uint256 i; i < threshold; ++i) {
            address signer = _recover(hash, sig[i * 65:(i + 1) * 65]);
            if (signer == address(0) || !_contains(owners, owners.length, signer) || _contains(seen, i, signer)) return false;
            seen[i] = signer;
        }
        return true;
    }

    function _recover(bytes32 hash, bytes calldata sig) private pure returns (address) {
        uint8 v = uint8(sig[64]);
        if (v > 30) {
            hash = MessageHashUtils.toEthSignedMessageHash(hash);
            v -= 4;
        }
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, v, bytes32(sig[0:32]), bytes32(sig[32:64]));
        return err == ECDSA.RecoverError.NoError ? signer : address(0);
    }

    function _contains(address[] memory list, uint256 count, address value) private pure returns (bool) {
        for (uint256 i; i < count; ++i) {
            if (list[i] == value) return true;
        }
        return false;
    }
}
