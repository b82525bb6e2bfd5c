using System;
using System.Buffers;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// The EIP-712 digest the account owner signs to enable a session (on one or several chains at once), computed as the
/// SmartSession module computes it. Domain <c>EIP712Domain(string name,string version)</c> = {"SmartSession", "1"} with no
/// chain id or verifying contract: the chain binding is inside the message.
/// </summary>
/// <remarks>
/// <para>Current module: <c>MultiChainSession(ChainSession[] sessionsAndChainIds)</c>, <c>ChainSession(uint64 chainId,SignedSession session)</c>,
/// <c>SignedSession(address account,SignedPermissions permissions,address sessionValidator,bytes sessionValidatorInitData,bytes32 salt,address smartSession,uint256 nonce)</c>,
/// <c>SignedPermissions(bool permitGenericPolicy,bool permitAdminAccess,bool ignoreSecurityAttestations,bool permitERC4337Paymaster,PolicyData[] userOpPolicies,ERC7739Data erc7739Policies,ActionData[] actions)</c>.
/// The three flags are derived as the module derives them: <c>permitGenericPolicy</c> from a fallback action
/// (<see cref="Session.PermitsGenericPolicy"/>), <c>permitAdminAccess</c> from an admin fallback action
/// (<see cref="Session.PermitsAdminAccess"/>), <c>ignoreSecurityAttestations</c> from <see cref="SmartSessionMode.UnsafeEnable"/>.</para>
/// <para>Legacy module: <c>MultiChainSessionEIP712</c>/<c>ChainSessionEIP712</c> and
/// <c>SessionEIP712(address account,address smartSession,uint8 mode,address sessionValidator,bytes32 salt,bytes sessionValidatorInitData,PolicyData[] userOpPolicies,ERC7739Data erc7739Policies,ActionData[] actions,uint256 nonce)</c>
/// (salt before the init data), with <c>ERC7739Data(string[] allowedERC7739Content,PolicyData[] erc1271Policies)</c>.</para>
/// Each struct hash is written out by hand with its type hash precomputed (they are the constants the contracts hold).
/// </remarks>
public static class EnableDigest
{
    /// <summary>The domain separator: <c>keccak256(abi.encode(typehash(EIP712Domain(string name,string version)), keccak256("SmartSession"), keccak256("1")))</c>.</summary>
    public static readonly Bytes32 DomainSeparator = Bytes32.Parse("0x057501e891776d1482927e5f094ae44049a4d893ba2d7b334dd7db8d38d3a0e1");

    // Type hashes: keccak256 of each full EIP-712 type string (the struct, then its referenced structs in alphabetical order).
    // PolicyData(address policy,bytes initData)
    internal static readonly Bytes32 PolicyDataTypeHash = Bytes32.Parse("0xdddac12cd8b10a071bea04226e97ac9490698394e19224abc47a5cfeeeb6ee97");

    // ActionData(bytes4 actionTargetSelector,address actionTarget,PolicyData[] actionPolicies) + PolicyData
    internal static readonly Bytes32 ActionDataTypeHash = Bytes32.Parse("0x35809859dccf8877c407a59527c2f00fb81ca9c198ebcb0c832c3deaa38d3502");

    // ERC7739Context(bytes32 appDomainSeparator,string[] contentName) — "contentName" in the type, "contentNames" in the struct.
    internal static readonly Bytes32 ERC7739ContextTypeHash = Bytes32.Parse("0x006166b2b3a1edaf1da1ce02715d02d4979a4ab93755bff9ec054b0e6a96a1da");

    // ERC7739Data(ERC7739Context[] allowedERC7739Content,PolicyData[] erc1271Policies) + ERC7739Context + PolicyData
    internal static readonly Bytes32 ERC7739DataTypeHash = Bytes32.Parse("0xdfd9b5718eebaa2484740b4ea6939e96189024c15848f16ccce901118114e152");

    // SignedPermissions(bool permitGenericPolicy,…,ActionData[] actions) + ActionData + ERC7739Context + ERC7739Data + PolicyData
    internal static readonly Bytes32 SignedPermissionsTypeHash = Bytes32.Parse("0x871289c05e426554eb0f843c9aa542f9c2bc4eba7742ada6a5c014d3568674d4");

    // SignedSession(address account,SignedPermissions permissions,…,uint256 nonce) + ActionData + ERC7739Context + ERC7739Data + PolicyData + SignedPermissions
    internal static readonly Bytes32 SignedSessionTypeHash = Bytes32.Parse("0xd44896e3cb83d70abc949a38dd6f9f75e675dc329dfe958617f066f79ff88f05");

    // ChainSession(uint64 chainId,SignedSession session) + referenced types
    internal static readonly Bytes32 ChainSessionTypeHash = Bytes32.Parse("0x1ea7e4bc398fa0ccd68d92b5d8931a3fd93eebe1cf0391b4ba28935801af7c80");

    // MultiChainSession(ChainSession[] sessionsAndChainIds) + referenced types
    internal static readonly Bytes32 MultiChainSessionTypeHash = Bytes32.Parse("0x0c9d02fb89a1da34d66ea2088dc9ee6a58efee71cef6f1bb849ed74fc6003d98");

    // Legacy: ERC7739Data(string[] allowedERC7739Content,PolicyData[] erc1271Policies) + PolicyData
    internal static readonly Bytes32 LegacyERC7739DataTypeHash = Bytes32.Parse("0xdd8bf2f9b88fa557b2cb00ffd37dc4a3b8f3ff1d0d9e03c6f7c183f38869e91d");

    // Legacy: SessionEIP712(address account,address smartSession,uint8 mode,…,uint256 nonce) + ActionData + ERC7739Data + PolicyData
    internal static readonly Bytes32 LegacySessionTypeHash = Bytes32.Parse("0x45f5f60cec99c2d0a0198ec513b02d6926b8ec63dfaf7e9afba954108dd97ebd");

    // Legacy: ChainSessionEIP712(uint64 chainId,SessionEIP712 session) + referenced types
    internal static readonly Bytes32 LegacyChainSessionTypeHash = Bytes32.Parse("0x9c5d301c45209fe15c8bb85bc08d4234ac9e1d48c0d22b7ab701ae25e640086b");

    // Legacy: MultiChainSessionEIP712(ChainSessionEIP712[] sessionsAndChainIds) + referenced types
    internal static readonly Bytes32 LegacyMultiChainSessionTypeHash = Bytes32.Parse("0x9af9262be547d4cc9dd06591bab37efd72d2b9d5fca173afd326b5b5410dac18");

    private const int StackLimit = 1024;

    /// <summary>
    /// The session's struct hash on one chain (<c>SignedSession</c>, or legacy <c>SessionEIP712</c>): the <c>sessionDigest</c>
    /// of its <see cref="ChainDigest"/>, equal to the module's <c>getSessionDigest(permissionId, account, session, mode)</c>.
    /// </summary>
    /// <param name="session">The session to enable.</param>
    /// <param name="account">The smart account enabling it.</param>
    /// <param name="nonce">The module's <c>getNonce(permissionId, account)</c> on that chain (<c>uint256</c>).</param>
    /// <param name="mode"><see cref="SmartSessionMode.Enable"/> or <see cref="SmartSessionMode.UnsafeEnable"/>, as the user operation will say.</param>
    /// <param name="deployment">The module (its generation and address); <see cref="SmartSessionDeployment.Current"/> when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">The nonce is outside <c>uint256</c>, or the mode is not an enable mode.</exception>
    /// <exception cref="ArgumentException">The session uses a feature the legacy module lacks.</exception>
    public static Bytes32 HashSession(Session session, Address account, BigInteger nonce, SmartSessionMode mode = SmartSessionMode.Enable, SmartSessionDeployment? deployment = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        AbiRange.CheckUnsigned(nonce, 256, nameof(nonce));
        if (mode is not (SmartSessionMode.Enable or SmartSessionMode.UnsafeEnable))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be Enable or UnsafeEnable.");
        }

        deployment ??= SmartSessionDeployment.Current;
        SessionAbi.CheckEncodable(session, deployment.Version);
        return deployment.Version == SmartSessionVersion.Legacy
            ? HashLegacySession(session, account, deployment.SmartSession, mode, nonce)
            : HashSignedSession(session, account, deployment.SmartSession, mode, nonce);
    }

    /// <summary>The session's <see cref="ChainDigest"/> on chain <paramref name="chainId"/> (see <see cref="HashSession"/>).</summary>
    public static ChainDigest ForChain(ulong chainId, Session session, Address account, BigInteger nonce, SmartSessionMode mode = SmartSessionMode.Enable, SmartSessionDeployment? deployment = null) =>
        new(chainId, HashSession(session, account, nonce, mode, deployment));

    /// <summary>
    /// The digest the owner signs: <c>keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(MultiChainSession{ chain sessions }))</c>, where each
    /// chain session's hash is built from its chain id and session digest (the module rebuilds it the same way from an
    /// <see cref="EnableSession"/>'s <c>hashesAndChainIds</c>).
    /// </summary>
    /// <param name="chains">The session digests per chain, in the order the enable data will list them.</param>
    /// <param name="version">The module generation (the type names differ).</param>
    /// <exception cref="ArgumentException">No chains.</exception>
    public static Bytes32 Compute(IReadOnlyList<ChainDigest> chains, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(chains);
        if (chains.Count == 0)
        {
            throw new ArgumentException("chains is empty: give the session digest of at least one chain.", nameof(chains));
        }

        var legacy = version == SmartSessionVersion.Legacy;
        var chainTypeHash = legacy ? LegacyChainSessionTypeHash : ChainSessionTypeHash;
        byte[]? rented = null;
        var size = chains.Count * AbiSize.Word;
        var hashes = size <= StackLimit ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            Span<byte> chainSession = stackalloc byte[3 * AbiSize.Word];
            for (var i = 0; i < chains.Count; i++)
            {
                PutWord(chainSession, 0, chainTypeHash);
                PutUInt64(chainSession, 1, chains[i].ChainId);
                PutWord(chainSession, 2, chains[i].SessionDigest);
                Keccak256.Hash(chainSession, hashes[(i * AbiSize.Word)..]);
            }

            Span<byte> multiChain = stackalloc byte[2 * AbiSize.Word];
            PutWord(multiChain, 0, legacy ? LegacyMultiChainSessionTypeHash : MultiChainSessionTypeHash);
            Keccak256.Hash(hashes, multiChain[AbiSize.Word..]);

            Span<byte> typedData = stackalloc byte[2 + (2 * AbiSize.Word)];
            typedData[0] = 0x19;
            typedData[1] = 0x01;
            DomainSeparator.WriteTo(typedData[2..]);
            Keccak256.Hash(multiChain, typedData[(2 + AbiSize.Word)..]);
            return Keccak256.Hash(typedData);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static Bytes32 HashSignedSession(Session session, Address account, Address smartSession, SmartSessionMode mode, BigInteger nonce)
    {
        Span<byte> permissions = stackalloc byte[8 * AbiSize.Word];
        PutWord(permissions, 0, SignedPermissionsTypeHash);
        PutBool(permissions, 1, session.PermitsGenericPolicy);
        PutBool(permissions, 2, session.PermitsAdminAccess);
        PutBool(permissions, 3, mode == SmartSessionMode.UnsafeEnable);
        PutBool(permissions, 4, session.PermitERC4337Paymaster);
        PutWord(permissions, 5, HashPolicies(session.UserOpPolicies));
        PutWord(permissions, 6, HashErc7739(session.Erc7739Policies));
        PutWord(permissions, 7, HashActions(session.Actions));

        Span<byte> signedSession = stackalloc byte[8 * AbiSize.Word];
        PutWord(signedSession, 0, SignedSessionTypeHash);
        PutAddress(signedSession, 1, account);
        PutWord(signedSession, 2, Keccak256.Hash(permissions));
        PutAddress(signedSession, 3, session.SessionValidator);
        PutWord(signedSession, 4, Keccak256.Hash(session.SessionValidatorInitData.Span));
        PutWord(signedSession, 5, session.Salt);
        PutAddress(signedSession, 6, smartSession);
        PutWord(signedSession, 7, Words.FromUInt(nonce, 256, nameof(nonce)));
        return Keccak256.Hash(signedSession);
    }

    private static Bytes32 HashLegacySession(Session session, Address account, Address smartSession, SmartSessionMode mode, BigInteger nonce)
    {
        Span<byte> words = stackalloc byte[11 * AbiSize.Word];
        PutWord(words, 0, LegacySessionTypeHash);
        PutAddress(words, 1, account);
        PutAddress(words, 2, smartSession);
        PutUInt64(words, 3, (byte)mode);
        PutAddress(words, 4, session.SessionValidator);
        PutWord(words, 5, session.Salt);
        PutWord(words, 6, Keccak256.Hash(session.SessionValidatorInitData.Span));
        PutWord(words, 7, HashPolicies(session.UserOpPolicies));
        PutWord(words, 8, HashLegacyErc7739(session.Erc7739Policies));
        PutWord(words, 9, HashActions(session.Actions));
        PutWord(words, 10, Words.FromUInt(nonce, 256, nameof(nonce)));
        return Keccak256.Hash(words);
    }

    private static Bytes32 HashPolicy(PolicyData policy)
    {
        Span<byte> words = stackalloc byte[3 * AbiSize.Word];
        PutWord(words, 0, PolicyDataTypeHash);
        PutAddress(words, 1, policy.Policy);
        PutWord(words, 2, Keccak256.Hash(policy.InitData.Span));
        return Keccak256.Hash(words);
    }

    private static Bytes32 HashAction(ActionData action)
    {
        Span<byte> words = stackalloc byte[4 * AbiSize.Word];
        PutWord(words, 0, ActionDataTypeHash);
        PutWord(words, 1, Words.FromSelector(action.ActionTargetSelector));
        PutAddress(words, 2, action.ActionTarget);
        PutWord(words, 3, HashPolicies(action.ActionPolicies));
        return Keccak256.Hash(words);
    }

    private static Bytes32 HashContext(ERC7739Context context)
    {
        Span<byte> words = stackalloc byte[3 * AbiSize.Word];
        PutWord(words, 0, ERC7739ContextTypeHash);
        PutWord(words, 1, context.AppDomainSeparator);
        PutWord(words, 2, HashStrings(context.ContentNames));
        return Keccak256.Hash(words);
    }

    private static Bytes32 HashErc7739(ERC7739Data data)
    {
        Span<byte> words = stackalloc byte[3 * AbiSize.Word];
        PutWord(words, 0, ERC7739DataTypeHash);
        PutWord(words, 1, HashArray(data.AllowedERC7739Content, HashContext));
        PutWord(words, 2, HashPolicies(data.Erc1271Policies));
        return Keccak256.Hash(words);
    }

    private static Bytes32 HashLegacyErc7739(ERC7739Data data)
    {
        Span<byte> words = stackalloc byte[3 * AbiSize.Word];
        PutWord(words, 0, LegacyERC7739DataTypeHash);
        PutWord(words, 1, HashStrings(SessionAbi.LegacyContentNames(data)));
        PutWord(words, 2, HashPolicies(data.Erc1271Policies));
        return Keccak256.Hash(words);
    }

    private static Bytes32 HashPolicies(IReadOnlyList<PolicyData> policies) => HashArray(policies, HashPolicy);

    private static Bytes32 HashActions(IReadOnlyList<ActionData> actions) => HashArray(actions, HashAction);

    private static Bytes32 HashStrings(IReadOnlyList<string> strings) => HashArray(strings, static text => Keccak256.Hash(Encoding.UTF8.GetBytes(text)));

    /// <summary>An EIP-712 array: the keccak of its elements' hashes, concatenated.</summary>
    private static Bytes32 HashArray<T>(IReadOnlyList<T> items, Func<T, Bytes32> hashItem)
    {
        var size = items.Count * AbiSize.Word;
        byte[]? rented = null;
        var hashes = size <= StackLimit ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                hashItem(items[i]).WriteTo(hashes[(i * AbiSize.Word)..]);
            }

            return Keccak256.Hash(hashes);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void PutWord(Span<byte> words, int index, Bytes32 value) => value.WriteTo(words[(index * AbiSize.Word)..]);

    private static void PutAddress(Span<byte> words, int index, Address value)
    {
        var word = words.Slice(index * AbiSize.Word, AbiSize.Word);
        word[..12].Clear();
        value.WriteTo(word[12..]);
    }

    private static void PutUInt64(Span<byte> words, int index, ulong value)
    {
        var word = words.Slice(index * AbiSize.Word, AbiSize.Word);
        word[..24].Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word[24..], value);
    }

    private static void PutBool(Span<byte> words, int index, bool value) => PutUInt64(words, index, value ? 1UL : 0UL);
}
