namespace SessionGen.Generators;

/// <summary>Steps of the session generator.</summary>
internal static partial class TrackingNames
{
    /// <summary>Classes with a <c>[SessionAction]</c>-named attribute, read from syntax.</summary>
    public const string SessionClasses = nameof(SessionClasses);

    /// <summary>Classes with a <c>[SessionValueTransfer]</c>-named attribute, read from syntax.</summary>
    public const string SessionValueTransferClasses = nameof(SessionValueTransferClasses);

    /// <summary>What the compilation says about the attribute names (<c>Syntax.AttributeEnvironment</c>), once per run.</summary>
    public const string SessionAttributeEnvironment = nameof(SessionAttributeEnvironment);

    /// <summary>Each class: its target read from syntax, or where it is when it must be bound.</summary>
    public const string SessionReads = nameof(SessionReads);

    /// <summary>The classes that could not be read from syntax, bound (one step per run).</summary>
    public const string SessionBoundReads = nameof(SessionBoundReads);

    /// <summary>Classes whose session attribute is written under an alias, bound.</summary>
    public const string SessionAliasedTargets = nameof(SessionAliasedTargets);

    /// <summary>The session classes with actions, in declaration order.</summary>
    public const string SessionTargets = nameof(SessionTargets);

    /// <summary>The session classes with only a value transfer, in declaration order.</summary>
    public const string SessionValueTransferTargets = nameof(SessionValueTransferTargets);
    public const string SessionSpecs = nameof(SessionSpecs);
}
