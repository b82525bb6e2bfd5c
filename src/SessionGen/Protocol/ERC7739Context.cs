using System;
using System.Collections.Generic;

namespace SessionGen.Protocol;

/// <summary>
/// ERC-7739 content a session may sign for one app domain
/// (<c>struct ERC7739Context { bytes32 appDomainSeparator; string[] contentNames; }</c>).
/// </summary>
public sealed class ERC7739Context : IEquatable<ERC7739Context>
{
    /// <summary>Creates a context.</summary>
    /// <param name="appDomainSeparator">The EIP-712 domain separator of the app the content is signed for.</param>
    /// <param name="contentNames">The EIP-712 type names (contents) the session may sign.</param>
    public ERC7739Context(Bytes32 appDomainSeparator, IEnumerable<string> contentNames)
    {
        AppDomainSeparator = appDomainSeparator;
        ContentNames = Equality.Freeze(contentNames, nameof(contentNames));
    }

    /// <summary>The app's EIP-712 domain separator.</summary>
    public Bytes32 AppDomainSeparator { get; }

    /// <summary>The content type names.</summary>
    public IReadOnlyList<string> ContentNames { get; }

    /// <inheritdoc/>
    public bool Equals(ERC7739Context? other) =>
        other is not null && AppDomainSeparator == other.AppDomainSeparator && Equality.Lists(ContentNames, other.ContentNames);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ERC7739Context);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AppDomainSeparator, Equality.ListHash(ContentNames));

    /// <summary>The separator and the content names.</summary>
    public override string ToString() => $"ERC7739Context {{ {AppDomainSeparator}, [{string.Join(", ", ContentNames)}] }}";
}
