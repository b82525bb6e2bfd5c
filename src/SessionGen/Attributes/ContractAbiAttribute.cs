using System;

namespace SessionGen;

/// <summary>
/// Makes a <see langword="partial"/> class the typed binding of a contract: SessionGen's generator adds its
/// function selectors (<c>Selectors</c>), custom-error selectors (<c>ErrorSelectors</c>), calldata encoders
/// (<c>Calldata</c>), one <see cref="Call"/> builder per function and a record struct per ABI tuple.
/// </summary>
/// <remarks>
/// The ABI file must be an MSBuild <c>AdditionalFiles</c> item of the project. It may be a plain ABI array or a
/// Hardhat, Foundry or Truffle artifact (an object with an <c>abi</c> array).
/// </remarks>
/// <example>
/// <code>
/// [ContractAbi("abis/ERC20.json")]
/// public partial class Erc20 { }
///
/// Call call = Erc20.Transfer(token, recipient, 5_000_000);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ContractAbiAttribute : Attribute
{
    /// <summary>Binds the class to the ABI at <paramref name="path"/>.</summary>
    /// <param name="path">The ABI file's path relative to the project directory; <c>/</c> and <c>\</c> both work.</param>
    public ContractAbiAttribute(string path) => Path = path;

    /// <summary>The ABI file's path relative to the project directory.</summary>
    public string Path { get; }
}
