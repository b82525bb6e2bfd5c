using System;
using System.Collections.Generic;
using System.Linq;

namespace SessionGen.Protocol;

/// <summary>
/// What a session may sign through ERC-1271 (ERC-7739 nested typed data) and the policies those signatures must pass
/// (<c>struct ERC7739Data { ERC7739Context[] allowedERC7739Content; PolicyData[] erc1271Policies; }</c>).
/// </summary>
/// <remarks>
/// The legacy module has <c>string[] allowedERC7739Content</c> with no app domain: a legacy session's content is
/// modelled as contexts whose <see cref="ERC7739Context.AppDomainSeparator"/> is zero (see <see cref="ForLegacy"/>).
/// </remarks>
public sealed class ERC7739Data : IEquatable<ERC7739Data>
{
    /// <summary>Creates the ERC-1271 part of a session.</summary>
    public ERC7739Data(IEnumerable<ERC7739Context> allowedERC7739Content, IEnumerable<PolicyData> erc1271Policies)
    {
        AllowedERC7739Content = Equality.Freeze(allowedERC7739Content, nameof(allowedERC7739Content));
        Erc1271Policies = Equality.Freeze(erc1271Policies, nameof(erc1271Policies));
    }

    /// <summary>No ERC-1271 signing: no content and no policies.</summary>
    public static ERC7739Data None { get; } = new(Array.Empty<ERC7739Context>(), Array.Empty<PolicyData>());

    /// <summary>The content the session may sign, per app domain.</summary>
    public IReadOnlyList<ERC7739Context> AllowedERC7739Content { get; }

    /// <summary>The policies checked on each ERC-1271 signature.</summary>
    public IReadOnlyList<PolicyData> Erc1271Policies { get; }

    /// <summary>
    /// The legacy module's shape: content names with no app domain (one context with a zero separator,
    /// or none when there are no names).
    /// </summary>
    public static ERC7739Data ForLegacy(IEnumerable<string> allowedContentNames, IEnumerable<PolicyData> erc1271Policies)
    {
        ArgumentNullException.ThrowIfNull(allowedContentNames);
        var names = allowedContentNames.ToArray();
        var contexts = names.Length == 0 ? Array.Empty<ERC7739Context>() : new[] { new ERC7739Context(Bytes32.Zero, names) };
        return new ERC7739Data(contexts, erc1271Policies);
    }

    /// <inheritdoc/>
    public bool Equals(ERC7739Data? other) =>
        other is not null
        && Equality.Lists(AllowedERC7739Content, other.AllowedERC7739Content)
        && Equality.Lists(Erc1271Policies, other.Erc1271Policies);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ERC7739Data);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Equality.ListHash(AllowedERC7739Content), Equality.ListHash(Erc1271Policies));

    /// <summary>The number of contexts and policies.</summary>
    public override string ToString() => $"ERC7739Data {{ {AllowedERC7739Content.Count} contexts, {Erc1271Policies.Count} policies }}";
}
