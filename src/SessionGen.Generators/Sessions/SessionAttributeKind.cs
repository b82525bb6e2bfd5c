namespace SessionGen.Generators.Sessions;

/// <summary>Which SessionGen attribute an application is (by its bound type, or by its name when read from syntax).</summary>
internal enum SessionAttributeKind
{
    None,
    SessionAction,
    SessionValueTransfer,
    ParamRule,
    SessionExpiry,
    SessionPaymaster,
    ContractAbi,
    TokenDisplay,
}

/// <summary>One session attribute application: which one, and its arguments.</summary>
internal readonly record struct SessionAttribute(SessionAttributeKind Kind, AttributeArguments Arguments);
