using System;
using System.Globalization;
using System.Text;

namespace SessionGen.Signing;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign" / <c>eth_sign</c>) message hashing:
/// keccak256("\x19Ethereum Signed Message:\n" ‖ decimal length ‖ message).
/// </summary>
/// <remarks>
/// An ECDSA owner validator expects the owner's user operation to be signed this way over the user-op hash
/// (it adds the prefix itself before recovering). Session keys and the enable signature sign raw hashes.
/// </remarks>
public static class Eip191
{
    private const string Prefix = "\u0019Ethereum Signed Message:\n";

    /// <summary>Hashes <paramref name="message"/> with the EIP-191 personal-message prefix.</summary>
    public static Bytes32 HashMessage(ReadOnlySpan<byte> message)
    {
        var header = Prefix + message.Length.ToString(CultureInfo.InvariantCulture);
        var buffer = new byte[Encoding.ASCII.GetByteCount(header) + message.Length];
        var written = Encoding.ASCII.GetBytes(header, buffer);
        message.CopyTo(buffer.AsSpan(written));
        return Keccak256.Hash(buffer);
    }

    /// <summary>Hashes a 32-byte message (such as a user-op hash) with the EIP-191 prefix ("…\n32").</summary>
    public static Bytes32 HashMessage(Bytes32 message)
    {
        Span<byte> bytes = stackalloc byte[32];
        message.WriteTo(bytes);
        return HashMessage(bytes);
    }
}
