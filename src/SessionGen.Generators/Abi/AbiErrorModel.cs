using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>A custom error of a contract ABI (Solidity <c>error X(...)</c>), whose selector prefixes revert data.</summary>
/// <param name="Name">The error's name as written in the ABI.</param>
/// <param name="CanonicalSignature">The signature that is hashed for the selector, e.g. <c>InsufficientBalance(uint256,uint256)</c>.</param>
/// <param name="Selector">The first four bytes of the Keccak-256 of <paramref name="CanonicalSignature"/>, big-endian.</param>
/// <param name="Inputs">The error's parameters, in order.</param>
internal sealed record AbiErrorModel(string Name, string CanonicalSignature, uint Selector, EquatableArray<AbiParameterModel> Inputs);
