using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Sessions.Model;

/// <summary>
/// Everything the session emitter needs, with functions resolved against their ABIs. Holds no symbols and no
/// locations, so a whitespace edit leaves it equal and the emitted source cached.
/// </summary>
/// <param name="Type">Where the generated members go.</param>
/// <param name="Contracts">The contracts the session calls, one <c>Address</c> parameter each, in first-use order.</param>
/// <param name="Actions">The permitted functions.</param>
/// <param name="ValueTransfer">The native value-transfer action, when declared.</param>
/// <param name="Expiry">The time frame, when declared.</param>
/// <param name="BoundValues">The values rules are bound to, one <c>CreateSession</c> parameter each, after the contracts.</param>
/// <param name="PermitPaymaster">Whether <c>[SessionPaymaster]</c> lets a paymaster pay (<c>permitERC4337Paymaster</c>).</param>
internal sealed record SessionSpec(
    TypeHierarchy Type,
    EquatableArray<ContractSpec> Contracts,
    EquatableArray<ActionSpec> Actions,
    ValueTransferSpec? ValueTransfer,
    ExpiryDeclaration? Expiry,
    EquatableArray<BoundValueSpec> BoundValues,
    bool PermitPaymaster = false);

/// <summary>A value bound when the session is created: a <c>CreateSession</c> parameter.</summary>
/// <param name="ParameterName">The C# parameter name (an identifier, <c>@</c>-escaped when a keyword).</param>
/// <param name="Type">Its <c>global::</c>-qualified C# type, after the ABI type of the rules bound to it.</param>
/// <param name="IsAccount">Whether it is the smart account itself (<c>Bind = "account"</c>), named "your account" in descriptions.</param>
internal sealed record BoundValueSpec(string ParameterName, string Type, bool IsAccount);

/// <summary>A contract of the session.</summary>
/// <param name="FullyQualifiedName">The binding class's <c>global::</c> name.</param>
/// <param name="Name">Its simple name, used in descriptions when no symbol is known.</param>
/// <param name="ParameterName">The <c>Address</c> parameter of <c>CreateSession</c> that says where it is deployed.</param>
/// <param name="Symbol">The token symbol from <c>[TokenDisplay]</c>, when given.</param>
/// <param name="Decimals">The token decimals from <c>[TokenDisplay]</c>; amounts are shown in base units without it.</param>
internal sealed record ContractSpec(string FullyQualifiedName, string Name, string ParameterName, string? Symbol, int? Decimals);

/// <summary>
/// One permitted function with its resolved <see cref="Policies"/> and its call builder: the binding's
/// <see cref="BindingMethod"/> with <see cref="Parameters"/> (plus a wei value when payable), exposed on
/// <c>SessionCalls</c> as <see cref="CallName"/>. <see cref="FunctionName"/> is how descriptions name it: the ABI name,
/// or the signature when the name is overloaded.
/// </summary>
internal sealed record ActionSpec(
    int ContractIndex,
    string BindingMethod,
    string CallName,
    EquatableArray<CallParameterSpec> Parameters,
    string? ValueParameterName,
    string FunctionName,
    string CanonicalSignature,
    uint Selector,
    bool IsPayable,
    EquatableArray<PolicyPlan> Policies);

/// <summary>A call builder parameter: its C# name and <c>global::</c>-qualified type.</summary>
internal sealed record CallParameterSpec(string Name, string Type);

/// <summary>
/// A parameter rule resolved to its calldata offset (bytes after the selector) and the parameter's ABI type. Its reference is
/// the literal <see cref="Reference"/> (a decimal string), or the <c>CreateSession</c> parameter <see cref="Binding"/>.
/// </summary>
internal sealed record RuleSpec(string Parameter, string ParameterType, byte Condition, ulong Offset, string? Reference, string? Binding, string? UpperBound, string? CumulativeLimit);

/// <summary>The native value-transfer action and its resolved policies.</summary>
internal sealed record ValueTransferSpec(EquatableArray<PolicyPlan> Policies);
