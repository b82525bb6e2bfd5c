using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>One input or output of an ABI function or error, or one component of a tuple.</summary>
/// <param name="Name">The name as written in the ABI; empty when the ABI leaves it unnamed.</param>
/// <param name="Type">
/// The canonical type string as it appears in a signature: aliases resolved (<c>uint</c> → <c>uint256</c>) and
/// tuples spelled out (<c>(address,uint256)[]</c> rather than <c>tuple[]</c>).
/// </param>
/// <param name="InternalType">Solidity's own name of the type (e.g. <c>struct ISwapRouter.ExactInputSingleParams</c>), when the ABI gives it.</param>
/// <param name="Components">The members of a tuple (or of the tuple an array holds); empty otherwise.</param>
internal sealed record AbiParameterModel(string Name, string Type, string? InternalType, EquatableArray<AbiParameterModel> Components)
{
    /// <summary>The structure of <see cref="Type"/> (kind, width, element type), parsed on demand.</summary>
    public AbiTypeInfo TypeInfo => AbiTypeInfo.Of(this);
}
