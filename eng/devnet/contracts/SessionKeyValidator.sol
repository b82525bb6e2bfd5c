// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ECDSA } from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import "./interfaces/IModules.sol";

/// @notice Stateless single-key ECDSA session validator for Smart Sessions (module type 7).
/// The session's sessionValidatorInitData is abi.encodePacked(address sessionKey); the session key
/// signs the raw hash it is given (the userOpHash in USE/ENABLE mode), no EIP-191 prefix.
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
        if (data.length != 20) revert InvalidSessionKeyData(data.length);
        address key = address(bytes20(data));
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, sig);
        return err == ECDSA.RecoverError.NoError && signer == key;
    }
}
