using System;
using System.Collections.Generic;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// ABI encodings of the SmartSession structs (<see cref="Session"/>, <see cref="EnableSession"/>, arrays of sessions)
/// for either module generation. Each struct is written with <see cref="AbiWriter"/> into one buffer sized up front.
/// </summary>
/// <remarks>
/// Layouts (Solidity tuples; <c>P</c> = <c>(address policy, bytes initData)</c>):
/// current <c>Session = (address, bytes, bytes32, P[], ((bytes32, string[])[], P[]), (bytes4, address, P[])[], bool)</c>;
/// legacy <c>Session = (address, bytes, bytes32, P[], (string[], P[]), (bytes4, address, P[])[])</c>;
/// <c>EnableSession = (uint8, (uint64, bytes32)[], Session, bytes)</c>.
/// The <c>GetEncodedSize</c>/<c>Write</c> pairs let other encoders embed these structs (e.g. the ENABLE-mode
/// signature's <c>abi.encode(EnableSession, bytes)</c>).
/// </remarks>
public static class SessionAbi
{
    private const int PolicyHeadSize = 2 * AbiSize.Word;
    private const int ActionHeadSize = 3 * AbiSize.Word;
    private const int ContextHeadSize = 2 * AbiSize.Word;
    private const int Erc7739HeadSize = 2 * AbiSize.Word;
    private const int EnableSessionHeadSize = 4 * AbiSize.Word;
    private const int ChainDigestSize = 2 * AbiSize.Word;

    /// <summary><c>abi.encode(session)</c>: an offset word followed by the session tuple.</summary>
    /// <exception cref="ArgumentException">The session uses a feature the legacy module lacks (see <see cref="Session"/>).</exception>
    public static byte[] Encode(Session session, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        var buffer = new byte[AbiSize.Word + GetEncodedSize(session, version)];
        var writer = new AbiWriter(buffer, 0, AbiSize.Word);
        Write(ref writer, session, version);
        return buffer;
    }

    /// <summary><c>abi.encode(sessions)</c> for a <c>Session[]</c> parameter.</summary>
    public static byte[] Encode(IReadOnlyList<Session> sessions, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        var buffer = new byte[AbiSize.Word + GetEncodedSize(sessions, version)];
        var writer = new AbiWriter(buffer, 0, AbiSize.Word);
        Write(ref writer, sessions, version);
        return buffer;
    }

    /// <summary><c>abi.encode(enableSession)</c>: an offset word followed by the enable-session tuple.</summary>
    public static byte[] Encode(EnableSession enableSession, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        var buffer = new byte[AbiSize.Word + GetEncodedSize(enableSession, version)];
        var writer = new AbiWriter(buffer, 0, AbiSize.Word);
        Write(ref writer, enableSession, version);
        return buffer;
    }

    /// <summary>The size of the session tuple's encoding (its head and tail, without the offset that points to it).</summary>
    /// <exception cref="ArgumentException">The session uses a feature the legacy module lacks.</exception>
    public static int GetEncodedSize(Session session, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(session);
        CheckEncodable(session, version);
        var headSize = (version == SmartSessionVersion.Legacy ? 6 : 7) * AbiSize.Word;
        return checked(headSize
            + AbiSize.Bytes(session.SessionValidatorInitData.Length)
            + PolicyArraySize(session.UserOpPolicies)
            + Erc7739Size(session.Erc7739Policies, version)
            + ActionArraySize(session.Actions));
    }

    /// <summary>The size of a <c>Session[]</c> encoding (length word, offsets, tuples), without the offset that points to it.</summary>
    public static int GetEncodedSize(IReadOnlyList<Session> sessions, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var size = AbiSize.Word + (sessions.Count * AbiSize.Word);
        foreach (var session in sessions)
        {
            size = checked(size + GetEncodedSize(session, version));
        }

        return size;
    }

    /// <summary>The size of the enable-session tuple's encoding, without the offset that points to it.</summary>
    public static int GetEncodedSize(EnableSession enableSession, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(enableSession);
        return checked(EnableSessionHeadSize
            + AbiSize.Word + (enableSession.HashesAndChainIds.Count * ChainDigestSize)
            + GetEncodedSize(enableSession.SessionToEnable, version)
            + AbiSize.Bytes(enableSession.PermissionEnableSig.Length));
    }

    /// <summary>
    /// Writes a session as a dynamic member of the tuple <paramref name="writer"/> is writing: its offset in the head,
    /// the tuple at the tail. The buffer must have room for <see cref="GetEncodedSize(Session, SmartSessionVersion)"/> bytes there.
    /// </summary>
    public static void Write(ref AbiWriter writer, Session session, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(session);
        CheckEncodable(session, version);
        var legacy = version == SmartSessionVersion.Legacy;
        var tuple = writer.BeginDynamicTuple((legacy ? 6 : 7) * AbiSize.Word);
        tuple.WriteAddress(session.SessionValidator);
        tuple.WriteBytes(session.SessionValidatorInitData.Span);
        tuple.WriteBytes32(session.Salt);
        WritePolicies(ref tuple, session.UserOpPolicies);
        WriteErc7739(ref tuple, session.Erc7739Policies, version);
        WriteActions(ref tuple, session.Actions);
        if (!legacy)
        {
            tuple.WriteBool(session.PermitERC4337Paymaster);
        }

        writer.End(tuple);
    }

    /// <summary>Writes a <c>Session[]</c> as a dynamic member of the tuple <paramref name="writer"/> is writing.</summary>
    public static void Write(ref AbiWriter writer, IReadOnlyList<Session> sessions, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var array = writer.BeginDynamicArray(sessions.Count, AbiSize.Word);
        foreach (var session in sessions)
        {
            Write(ref array, session, version);
        }

        writer.End(array);
    }

    /// <summary>Writes an enable session as a dynamic member of the tuple <paramref name="writer"/> is writing.</summary>
    public static void Write(ref AbiWriter writer, EnableSession enableSession, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(enableSession);
        var tuple = writer.BeginDynamicTuple(EnableSessionHeadSize);
        tuple.WriteUInt64(enableSession.ChainDigestIndex);
        var digests = tuple.BeginDynamicArray(enableSession.HashesAndChainIds.Count, ChainDigestSize);
        foreach (var digest in enableSession.HashesAndChainIds)
        {
            digests.WriteUInt64(digest.ChainId);
            digests.WriteBytes32(digest.SessionDigest);
        }

        tuple.End(digests);
        Write(ref tuple, enableSession.SessionToEnable, version);
        tuple.WriteBytes(enableSession.PermissionEnableSig.Span);
        writer.End(tuple);
    }

    /// <summary>
    /// The legacy module's <c>string[] allowedERC7739Content</c>: the content names of all contexts, which must have no
    /// app domain (the legacy struct cannot express one).
    /// </summary>
    internal static List<string> LegacyContentNames(ERC7739Data data)
    {
        var names = new List<string>();
        foreach (var context in data.AllowedERC7739Content)
        {
            if (context.AppDomainSeparator != Bytes32.Zero)
            {
                throw new ArgumentException(
                    $"erc7739Policies.allowedERC7739Content has the app domain {context.AppDomainSeparator}, which the legacy SmartSession cannot express (its content is string[]); use ERC7739Data.ForLegacy.",
                    "erc7739Policies");
            }

            names.AddRange(context.ContentNames);
        }

        return names;
    }

    internal static void CheckEncodable(Session session, SmartSessionVersion version)
    {
        if (version == SmartSessionVersion.Legacy && session.PermitERC4337Paymaster)
        {
            throw new ArgumentException(
                "permitERC4337Paymaster is true, but the legacy SmartSession has no such field: the session cannot be encoded for SmartSessionVersion.Legacy.",
                nameof(session));
        }
    }

    private static int PolicyArraySize(IReadOnlyList<PolicyData> policies)
    {
        var size = AbiSize.Word + (policies.Count * AbiSize.Word);
        foreach (var policy in policies)
        {
            size = checked(size + PolicyHeadSize + AbiSize.Bytes(policy.InitData.Length));
        }

        return size;
    }

    private static int ActionArraySize(IReadOnlyList<ActionData> actions)
    {
        var size = AbiSize.Word + (actions.Count * AbiSize.Word);
        foreach (var action in actions)
        {
            size = checked(size + ActionHeadSize + PolicyArraySize(action.ActionPolicies));
        }

        return size;
    }

    private static int StringArraySize(IReadOnlyList<string> strings)
    {
        var size = AbiSize.Word + (strings.Count * AbiSize.Word);
        foreach (var text in strings)
        {
            size = checked(size + AbiSize.String(text));
        }

        return size;
    }

    private static int Erc7739Size(ERC7739Data data, SmartSessionVersion version)
    {
        var size = Erc7739HeadSize + PolicyArraySize(data.Erc1271Policies);
        if (version == SmartSessionVersion.Legacy)
        {
            return checked(size + StringArraySize(LegacyContentNames(data)));
        }

        size = checked(size + AbiSize.Word + (data.AllowedERC7739Content.Count * AbiSize.Word));
        foreach (var context in data.AllowedERC7739Content)
        {
            size = checked(size + ContextHeadSize + StringArraySize(context.ContentNames));
        }

        return size;
    }

    private static void WritePolicies(ref AbiWriter writer, IReadOnlyList<PolicyData> policies)
    {
        var array = writer.BeginDynamicArray(policies.Count, AbiSize.Word);
        foreach (var policy in policies)
        {
            var tuple = array.BeginDynamicTuple(PolicyHeadSize);
            tuple.WriteAddress(policy.Policy);
            tuple.WriteBytes(policy.InitData.Span);
            array.End(tuple);
        }

        writer.End(array);
    }

    private static void WriteActions(ref AbiWriter writer, IReadOnlyList<ActionData> actions)
    {
        var array = writer.BeginDynamicArray(actions.Count, AbiSize.Word);
        foreach (var action in actions)
        {
            var tuple = array.BeginDynamicTuple(ActionHeadSize);
            tuple.WriteBytes32(Words.FromSelector(action.ActionTargetSelector));
            tuple.WriteAddress(action.ActionTarget);
            WritePolicies(ref tuple, action.ActionPolicies);
            array.End(tuple);
        }

        writer.End(array);
    }

    private static void WriteStrings(ref AbiWriter writer, IReadOnlyList<string> strings)
    {
        var array = writer.BeginDynamicArray(strings.Count, AbiSize.Word);
        foreach (var text in strings)
        {
            array.WriteString(text);
        }

        writer.End(array);
    }

    private static void WriteErc7739(ref AbiWriter writer, ERC7739Data data, SmartSessionVersion version)
    {
        var tuple = writer.BeginDynamicTuple(Erc7739HeadSize);
        if (version == SmartSessionVersion.Legacy)
        {
            WriteStrings(ref tuple, LegacyContentNames(data));
        }
        else
        {
            var contexts = tuple.BeginDynamicArray(data.AllowedERC7739Content.Count, AbiSize.Word);
            foreach (var context in data.AllowedERC7739Content)
            {
                var contextTuple = contexts.BeginDynamicTuple(ContextHeadSize);
                contextTuple.WriteBytes32(context.AppDomainSeparator);
                WriteStrings(ref contextTuple, context.ContentNames);
                contexts.End(contextTuple);
            }

            tuple.End(contexts);
        }

        WritePolicies(ref tuple, data.Erc1271Policies);
        writer.End(tuple);
    }
}
