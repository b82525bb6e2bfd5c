using System;
using SessionGen.Abi;
using SessionGen.Compression;

namespace SessionGen.Protocol;

/// <summary>
/// The user-op signature a SmartSession module expects, by mode (its first byte):
/// <list type="bullet">
/// <item><description>USE (0x00): <c>0x00 ‖ permissionId ‖ signature</c>; the legacy module wants
/// <c>0x00 ‖ permissionId ‖ FastLZ(abi.encode(bytes signature))</c> and rejects the uncompressed form.</description></item>
/// <item><description>ENABLE (0x01) and UNSAFE_ENABLE (0x02), both generations:
/// <c>mode ‖ FastLZ(abi.encode(EnableSession, bytes signature))</c>.</description></item>
/// </list>
/// The signature inside is the session key's, over the raw user-op hash (for an ECDSA session validator).
/// </summary>
public static class SessionSignature
{
    private const int UseHeaderLength = 1 + 32;

    /// <summary>A USE-mode signature: the session is already enabled on the account.</summary>
    /// <param name="permissionId">The session's id.</param>
    /// <param name="signature">The session validator's signature over the user-op hash (for an ECDSA key: r ‖ s ‖ v).</param>
    /// <param name="version">The module generation the account has installed.</param>
    public static byte[] EncodeUse(PermissionId permissionId, ReadOnlySpan<byte> signature, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        CheckVersion(version);
        var payload = version == SmartSessionVersion.Legacy ? FastLz.Compress(EncodeBytes(signature)) : signature;
        var result = new byte[UseHeaderLength + payload.Length];
        result[0] = (byte)SmartSessionMode.Use;
        permissionId.Value.WriteTo(result.AsSpan(1));
        payload.CopyTo(result.AsSpan(UseHeaderLength));
        return result;
    }

    /// <summary>
    /// An ENABLE-mode (or UNSAFE_ENABLE) signature: enables <paramref name="enableSession"/> and uses it in the same user operation.
    /// </summary>
    /// <param name="enableSession">The session with the owner's approval (its <c>permissionEnableSig</c> in the account's format).</param>
    /// <param name="signature">The session validator's signature over the user-op hash.</param>
    /// <param name="version">The module generation the account has installed.</param>
    /// <param name="mode"><see cref="SmartSessionMode.Enable"/> or <see cref="SmartSessionMode.UnsafeEnable"/>; must match the mode the owner signed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not an enable mode.</exception>
    /// <exception cref="ArgumentException">The session uses a feature <paramref name="version"/> lacks.</exception>
    public static byte[] EncodeEnable(EnableSession enableSession, ReadOnlySpan<byte> signature, SmartSessionVersion version = SmartSessionVersion.Current, SmartSessionMode mode = SmartSessionMode.Enable)
    {
        ArgumentNullException.ThrowIfNull(enableSession);
        CheckVersion(version);
        if (mode is not (SmartSessionMode.Enable or SmartSessionMode.UnsafeEnable))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "An enable signature's mode is Enable or UnsafeEnable.");
        }

        // abi.encode(EnableSession, bytes): two offsets, the enable-session tuple, then the signature.
        var buffer = new byte[(2 * AbiSize.Word) + SessionAbi.GetEncodedSize(enableSession, version) + AbiSize.Bytes(signature.Length)];
        var writer = new AbiWriter(buffer, 0, 2 * AbiSize.Word);
        SessionAbi.Write(ref writer, enableSession, version);
        writer.WriteBytes(signature);

        var compressed = FastLz.Compress(buffer);
        var result = new byte[1 + compressed.Length];
        result[0] = (byte)mode;
        compressed.CopyTo(result, 1);
        return result;
    }

    /// <summary>Reads a SmartSession user-op signature back into its parts.</summary>
    /// <exception cref="ArgumentException">Empty, an unknown mode, too short, or a malformed compressed or ABI payload.</exception>
    public static DecodedSessionSignature Decode(ReadOnlySpan<byte> userOpSignature, SmartSessionVersion version = SmartSessionVersion.Current)
    {
        CheckVersion(version);
        return SessionSignatureDecoder.Decode(userOpSignature, version);
    }

    // abi.encode(bytes value): an offset word (0x20), the length word, the padded content.
    internal static byte[] EncodeBytes(ReadOnlySpan<byte> value)
    {
        var buffer = new byte[AbiSize.Word + AbiSize.Bytes(value.Length)];
        var writer = new AbiWriter(buffer, 0, AbiSize.Word);
        writer.WriteBytes(value);
        return buffer;
    }

    private static void CheckVersion(SmartSessionVersion version)
    {
        if (version is not (SmartSessionVersion.Current or SmartSessionVersion.Legacy))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown SmartSession module version.");
        }
    }
}
