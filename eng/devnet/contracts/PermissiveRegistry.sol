// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Devnet stand-in for the ERC-7484 module registry the legacy SmartSession consults on every
/// enable (it is hard-wired to 0x000000000069E2a187AEFFb852bF3cCdC95151B2). It attests every module:
/// each check returns without reverting. Placed with anvil_setCode, so it holds no state.
contract PermissiveRegistry {
    function check(address) external view {}

    function check(address, uint256) external view {}

    function checkForAccount(address, address) external view {}

    function checkForAccount(address, address, uint256) external view {}

    function check(address, address[] calldata, uint256) external view {}

    function check(address, uint256, address[] calldata, uint256) external view {}

    function trustAttesters(uint8, address[] calldata) external {}
}
