namespace SessionGen.Abi;

/// <summary>
/// A Solidity custom error decoded from revert data: each binding generates one record per error of its ABI
/// (<c>InsufficientBalanceError</c>) and an <c>Errors.TryDecode</c> that picks the right one by selector.
/// </summary>
public interface ICustomError
{
    /// <summary>The error's canonical signature, e.g. <c>InsufficientBalance(uint256,uint256)</c>.</summary>
    string Signature { get; }
}
