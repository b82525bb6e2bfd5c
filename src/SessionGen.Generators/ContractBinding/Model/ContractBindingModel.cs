using SessionGen.Generators.Abi;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.ContractBinding.Model;

/// <summary>Everything the emitter needs to write one binding; names are already chosen and checked for collisions.</summary>
/// <param name="Type">The bound class.</param>
/// <param name="AbiPath">The ABI path as given to the attribute (quoted in docs).</param>
/// <param name="Functions">The functions to bind, with their C# names.</param>
/// <param name="Errors">The custom errors, with their C# names.</param>
/// <param name="Structs">One record struct per distinct ABI tuple.</param>
internal sealed record ContractBindingModel(
    TypeHierarchy Type,
    string AbiPath,
    EquatableArray<BoundFunction> Functions,
    EquatableArray<BoundError> Errors,
    EquatableArray<BoundStruct> Structs);

/// <summary>A function with the C# names of its selector constant, its call/calldata builders and its parameters.</summary>
/// <param name="Abi">The ABI function.</param>
/// <param name="SelectorName">Its constant in <c>Selectors</c> (signature-suffixed when the ABI name is overloaded).</param>
/// <param name="MethodName">Its builder methods' name (a C# overload where the parameter types differ, else suffixed).</param>
/// <param name="Parameters">One per ABI input.</param>
/// <param name="ContractParameterName">The Call builder's target parameter (<c>contract</c> unless an input has that name).</param>
/// <param name="ValueParameterName">The payable Call builder's native-value parameter (<c>value</c> unless an input has that name).</param>
/// <param name="DestinationParameterName">The span form's buffer parameter (<c>destination</c> unless an input has that name).</param>
internal sealed record BoundFunction(
    AbiFunctionModel Abi,
    string SelectorName,
    string MethodName,
    EquatableArray<BoundParameter> Parameters,
    string ContractParameterName,
    string ValueParameterName,
    string DestinationParameterName);

/// <summary>A custom error with the C# name of its selector constant.</summary>
internal sealed record BoundError(AbiErrorModel Abi, string SelectorName);

/// <summary>A function parameter or struct member with its C# name and type.</summary>
/// <param name="Abi">The ABI parameter.</param>
/// <param name="Name">The C# identifier (keywords escaped with <c>@</c>).</param>
/// <param name="CSharpType">The C# type, <c>global::</c>-qualified (or a nested struct's simple name).</param>
internal sealed record BoundParameter(AbiParameterModel Abi, string Name, string CSharpType);

/// <summary>A record struct generated for an ABI tuple.</summary>
/// <param name="Name">The struct's name (from Solidity's internalType, else from where it is used).</param>
/// <param name="CanonicalType">The tuple's canonical type, e.g. <c>(address,uint256)</c>.</param>
/// <param name="InternalType">Solidity's struct name, when known.</param>
/// <param name="Members">The positional members (PascalCase properties).</param>
internal sealed record BoundStruct(string Name, string CanonicalType, string? InternalType, EquatableArray<BoundParameter> Members);
