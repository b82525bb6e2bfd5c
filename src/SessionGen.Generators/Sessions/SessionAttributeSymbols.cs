using Microsoft.CodeAnalysis;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// The SessionGen attribute types of one compilation, resolved once (at compilation start for analyzers).
/// <see cref="TryCreate"/> fails when the compilation does not reference SessionGen, and nothing is analyzed.
/// </summary>
internal sealed class SessionAttributeSymbols
{
    public const string SessionActionName = "SessionGen.SessionActionAttribute";
    public const string SessionValueTransferName = "SessionGen.SessionValueTransferAttribute";
    public const string ParamRuleName = "SessionGen.ParamRuleAttribute";
    public const string SessionExpiryName = "SessionGen.SessionExpiryAttribute";
    public const string ContractAbiName = "SessionGen.ContractAbiAttribute";
    public const string TokenDisplayName = "SessionGen.TokenDisplayAttribute";
    public const string SessionPaymasterName = "SessionGen.SessionPaymasterAttribute";

    private SessionAttributeSymbols(INamedTypeSymbol action, INamedTypeSymbol valueTransfer, INamedTypeSymbol paramRule, INamedTypeSymbol expiry, INamedTypeSymbol? contractAbi, INamedTypeSymbol? tokenDisplay)
    {
        TokenDisplay = tokenDisplay;
        SessionAction = action;
        SessionValueTransfer = valueTransfer;
        ParamRule = paramRule;
        SessionExpiry = expiry;
        ContractAbi = contractAbi;
    }

    public INamedTypeSymbol SessionAction { get; }

    public INamedTypeSymbol SessionValueTransfer { get; }

    public INamedTypeSymbol ParamRule { get; }

    public INamedTypeSymbol SessionExpiry { get; }

    /// <summary>Null only while the binding attribute is absent from the referenced SessionGen.</summary>
    public INamedTypeSymbol? ContractAbi { get; }

    public INamedTypeSymbol? TokenDisplay { get; }

    /// <summary>Null while the attribute is absent from the referenced SessionGen.</summary>
    public INamedTypeSymbol? SessionPaymaster { get; private init; }

    public static SessionAttributeSymbols? TryCreate(Compilation compilation)
    {
        var action = compilation.GetTypeByMetadataName(SessionActionName);
        var valueTransfer = compilation.GetTypeByMetadataName(SessionValueTransferName);
        var paramRule = compilation.GetTypeByMetadataName(ParamRuleName);
        var expiry = compilation.GetTypeByMetadataName(SessionExpiryName);
        return action is null || valueTransfer is null || paramRule is null || expiry is null
            ? null
            : new SessionAttributeSymbols(action, valueTransfer, paramRule, expiry, compilation.GetTypeByMetadataName(ContractAbiName), compilation.GetTypeByMetadataName(TokenDisplayName))
            {
                SessionPaymaster = compilation.GetTypeByMetadataName(SessionPaymasterName),
            };
    }

    /// <summary>Whether <paramref name="attribute"/> is one of the session attributes (ContractAbi excluded).</summary>
    public bool IsSessionAttribute(AttributeData attribute) =>
        Is(attribute, SessionAction) || Is(attribute, SessionValueTransfer) || Is(attribute, ParamRule) || Is(attribute, SessionExpiry) || Is(attribute, SessionPaymaster);

    /// <summary>Which SessionGen attribute <paramref name="attribute"/> is (<see cref="SessionAttributeKind.None"/> for any other).</summary>
    public SessionAttributeKind KindOf(AttributeData attribute) =>
        Is(attribute, SessionAction) ? SessionAttributeKind.SessionAction
        : Is(attribute, SessionValueTransfer) ? SessionAttributeKind.SessionValueTransfer
        : Is(attribute, ParamRule) ? SessionAttributeKind.ParamRule
        : Is(attribute, SessionExpiry) ? SessionAttributeKind.SessionExpiry
        : Is(attribute, SessionPaymaster) ? SessionAttributeKind.SessionPaymaster
        : Is(attribute, ContractAbi) ? SessionAttributeKind.ContractAbi
        : Is(attribute, TokenDisplay) ? SessionAttributeKind.TokenDisplay
        : SessionAttributeKind.None;

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
}
