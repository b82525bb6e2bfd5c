using System;
using System.Collections.Generic;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// Calls to the SmartSession module itself, made by the account: installing it with sessions, enabling and removing
/// sessions, and asking whether a session is enabled.
/// </summary>
public static class SmartSessionModule
{
    /// <summary>The ERC-7579 module type id of a validator, the type the module is installed as.</summary>
    public const int ValidatorModuleType = 1;

    /// <summary><c>enableSessions(Session[])</c> of the current module: <c>0x21712407</c>.</summary>
    public static readonly Selector EnableSessionsSelector = new(0x21712407);

    /// <summary><c>enableSessions(Session[])</c> of the legacy module (its <c>Session</c> tuple differs): <c>0xf55af6d1</c>.</summary>
    public static readonly Selector LegacyEnableSessionsSelector = new(0xf55af6d1);

    /// <summary><c>removeSession(bytes32)</c>: <c>0xf867b08e</c> (both generations).</summary>
    public static readonly Selector RemoveSessionSelector = new(0xf867b08e);

    /// <summary><c>isPermissionEnabled(bytes32,address)</c>: <c>0xadbc532f</c> (both generations).</summary>
    public static readonly Selector IsPermissionEnabledSelector = new(0xadbc532f);

    /// <summary><c>getNonce(bytes32,address)</c>: <c>0x795f9269</c> (both generations); the nonce the enable digest signs.</summary>
    public static readonly Selector GetNonceSelector = new(0x795f9269);

    /// <summary>The <c>enableSessions</c> selector of a module generation.</summary>
    public static Selector GetEnableSessionsSelector(SmartSessionVersion version) =>
        version == SmartSessionVersion.Legacy ? LegacyEnableSessionsSelector : EnableSessionsSelector;

    /// <summary>
    /// The module's install data (<c>installModule(1, smartSession, initData)</c>): empty without sessions; otherwise, for the
    /// current module, <c>bytes1(mode) ‖ abi.encode(Session[])</c>, and for the legacy module <c>abi.encode(Session[])</c>
    /// (it takes no mode byte).
    /// </summary>
    /// <param name="sessions">The sessions to enable at install time (may be empty).</param>
    /// <param name="version">The module generation.</param>
    /// <param name="mode">
    /// <see cref="SmartSessionMode.Enable"/> or <see cref="SmartSessionMode.UnsafeEnable"/> (current module only; the current
    /// module checks only that the byte is an enable mode).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not an enable mode the generation accepts.</exception>
    public static byte[] GetInstallData(IReadOnlyList<Session> sessions, SmartSessionVersion version = SmartSessionVersion.Current, SmartSessionMode mode = SmartSessionMode.Enable)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (mode is not (SmartSessionMode.Enable or SmartSessionMode.UnsafeEnable)
            || (version == SmartSessionVersion.Legacy && mode != SmartSessionMode.Enable))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, version == SmartSessionVersion.Legacy
                ? "The legacy module's install data has no mode byte: only SmartSessionMode.Enable applies."
                : "mode must be Enable or UnsafeEnable.");
        }

        if (sessions.Count == 0)
        {
            return Array.Empty<byte>();
        }

        var prefix = version == SmartSessionVersion.Legacy ? 0 : 1;
        var buffer = new byte[prefix + AbiSize.Word + SessionAbi.GetEncodedSize(sessions, version)];
        if (prefix == 1)
        {
            buffer[0] = (byte)mode;
        }

        var writer = new AbiWriter(buffer, prefix, AbiSize.Word);
        SessionAbi.Write(ref writer, sessions, version);
        return buffer;
    }

    /// <summary>Calldata of <c>enableSessions(Session[] sessions)</c> for the given module generation.</summary>
    /// <exception cref="ArgumentException">No sessions (the module reverts with <c>InvalidData</c>).</exception>
    public static byte[] EncodeEnableSessions(IReadOnlyList<Session> sessions, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("sessions is empty: enableSessions with no sessions reverts (InvalidData).", nameof(sessions));
        }

        var buffer = new byte[4 + AbiSize.Word + SessionAbi.GetEncodedSize(sessions, version)];
        GetEnableSessionsSelector(version).WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, AbiSize.Word);
        SessionAbi.Write(ref writer, sessions, version);
        return buffer;
    }

    /// <summary>Calldata of <c>removeSession(bytes32 permissionId)</c>.</summary>
    public static byte[] EncodeRemoveSession(PermissionId permissionId)
    {
        var buffer = new byte[4 + AbiSize.Word];
        RemoveSessionSelector.WriteTo(buffer);
        permissionId.Value.WriteTo(buffer.AsSpan(4));
        return buffer;
    }

    /// <summary>Calldata of <c>isPermissionEnabled(bytes32 permissionId, address account)</c> (a view call returning <c>bool</c>).</summary>
    public static byte[] EncodeIsPermissionEnabled(PermissionId permissionId, Address account) =>
        EncodeIdAndAccount(IsPermissionEnabledSelector, permissionId, account);

    /// <summary>Calldata of <c>getNonce(bytes32 permissionId, address account)</c> (a view call returning <c>uint256</c>).</summary>
    public static byte[] EncodeGetNonce(PermissionId permissionId, Address account) =>
        EncodeIdAndAccount(GetNonceSelector, permissionId, account);

    /// <summary>The account's call to enable sessions on the deployment's module.</summary>
    public static Call EnableSessions(SmartSessionDeployment deployment, IReadOnlyList<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return Call.To(deployment.SmartSession, EncodeEnableSessions(sessions, deployment.Version));
    }

    /// <summary>The account's call to remove a session from the deployment's module.</summary>
    public static Call RemoveSession(SmartSessionDeployment deployment, PermissionId permissionId)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return Call.To(deployment.SmartSession, EncodeRemoveSession(permissionId));
    }

    private static byte[] EncodeIdAndAccount(Selector selector, PermissionId permissionId, Address account)
    {
        var buffer = new byte[4 + (2 * AbiSize.Word)];
        selector.WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, 2 * AbiSize.Word);
        writer.WriteBytes32(permissionId.Value);
        writer.WriteAddress(account);
        return buffer;
    }
}
