using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.Sessions.Model;

/// <summary>
/// What the session attributes on one class say, read without the ABI: the input of both the analyzers and
/// the session generator. Amounts are already parsed (decimal strings); problems are in <see cref="Diagnostics"/>.
/// </summary>
internal sealed record SessionDeclaration(
    string TypeName,
    LocationInfo? Location,
    EquatableArray<ActionDeclaration> Actions,
    ValueTransferDeclaration? ValueTransfer,
    ExpiryDeclaration? Expiry,
    EquatableArray<ParamRuleDeclaration> Rules,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool PermitPaymaster = false);

/// <summary>
/// One <c>[SessionAction]</c>. <see cref="Contract"/> is null when no contract with an ABI could be found.
/// <see cref="DeclaresLimit"/> is true when a limit is written, even an invalid one (that one has its own diagnostic).
/// </summary>
internal sealed record ActionDeclaration(
    ContractReference? Contract,
    string Function,
    LocationInfo? AttributeLocation,
    LocationInfo? FunctionLocation,
    string? SpendingLimit,
    LocationInfo? SpendingLimitLocation,
    long? MaxUses,
    string? ValueLimit,
    LocationInfo? ValueLimitLocation,
    bool Sudo,
    bool DeclaresLimit);

/// <summary>
/// A <c>[ContractAbi]</c> class: its <c>global::</c> name, its simple name, the ABI path it declares and, from
/// <c>[TokenDisplay]</c>, how its amounts are shown.
/// </summary>
internal sealed record ContractReference(TypeHierarchy Type, string FullyQualifiedName, string Name, string AbiPath, string? Symbol, int? Decimals);

/// <summary>The native-value action of <c>[SessionValueTransfer]</c>.</summary>
internal sealed record ValueTransferDeclaration(LocationInfo? AttributeLocation, string? ValueLimit, long? MaxUses, bool Sudo, bool DeclaresLimit);

/// <summary><c>[SessionExpiry]</c> in minutes.</summary>
internal sealed record ExpiryDeclaration(long DurationMinutes, long StartsAfterMinutes);

/// <summary>
/// One <c>[ParamRule]</c>. <see cref="Reference"/> is null when the rule is bound (<see cref="Bind"/>, the name of a
/// <c>CreateSession</c> parameter) or its literal is invalid (then it has its own diagnostic).
/// </summary>
internal sealed record ParamRuleDeclaration(
    ContractReference? Contract,
    string Function,
    string Parameter,
    LocationInfo? AttributeLocation,
    LocationInfo? ParameterLocation,
    byte Condition,
    string? Reference,
    LocationInfo? ReferenceLocation,
    string? Bind,
    string? UpperBound,
    string? CumulativeLimit);
