using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>A function of a contract ABI.</summary>
/// <param name="Name">The function's name as written in the ABI.</param>
/// <param name="CanonicalSignature">The signature that is hashed for the selector, e.g. <c>transfer(address,uint256)</c>.</param>
/// <param name="Selector">The first four bytes of the Keccak-256 of <paramref name="CanonicalSignature"/>, big-endian.</param>
/// <param name="Inputs">The parameters, in order.</param>
/// <param name="Outputs">The return values, in order.</param>
/// <param name="StateMutability"><c>pure</c>, <c>view</c>, <c>nonpayable</c> or <c>payable</c> (derived from the legacy <c>constant</c>/<c>payable</c> flags when absent).</param>
internal sealed record AbiFunctionModel(
    string Name,
    string CanonicalSignature,
    uint Selector,
    EquatableArray<AbiParameterModel> Inputs,
    EquatableArray<AbiParameterModel> Outputs,
    string StateMutability)
{
    /// <summary>Whether the function accepts native value (ETH) with the call.</summary>
    public bool IsPayable => StateMutability == "payable";

    /// <summary>Whether the function only reads state (<c>view</c> or <c>pure</c>).</summary>
    public bool IsReadOnly => StateMutability is "view" or "pure";
}
