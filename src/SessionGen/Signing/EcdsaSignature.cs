using System;
using NBitcoin.Secp256k1;

namespace SessionGen.Signing;

/// <summary>A recoverable secp256k1 signature as Ethereum writes it: r ‖ s ‖ v (65 bytes), v = 27 or 28.</summary>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    /// <summary>The encoded length: 32 bytes r, 32 bytes s, 1 byte v.</summary>
    public const int Length = 65;

    /// <summary>Creates a signature from its parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="v"/> is not 27 or 28.</exception>
    public EcdsaSignature(Bytes32 r, Bytes32 s, byte v)
    {
        if (v is not (27 or 28))
        {
            throw new ArgumentOutOfRangeException(nameof(v), v, "The recovery byte v must be 27 or 28.");
        }

        R = r;
        S = s;
        V = v;
    }

    /// <summary>The r value.</summary>
    public Bytes32 R { get; }

    /// <summary>The s value (low-s for signatures this library makes).</summary>
    public Bytes32 S { get; }

    /// <summary>The recovery byte: 27 or 28.</summary>
    public byte V { get; }

    /// <summary>Reads r ‖ s ‖ v.</summary>
    /// <exception cref="ArgumentException">Not 65 bytes, or v is not 27 or 28.</exception>
    public static EcdsaSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A signature is {Length} bytes (r ‖ s ‖ v), got {bytes.Length}.", nameof(bytes));
        }

        if (bytes[64] is not (27 or 28))
        {
            throw new ArgumentException($"The signature's v byte must be 27 or 28, got {bytes[64]}.", nameof(bytes));
        }

        return new EcdsaSignature(new Bytes32(bytes[..32]), new Bytes32(bytes[32..64]), bytes[64]);
    }

    /// <summary>Writes r ‖ s ‖ v to the first 65 bytes of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The destination must hold {Length} bytes, got {destination.Length}.", nameof(destination));
        }

        R.WriteTo(destination);
        S.WriteTo(destination[32..]);
        destination[64] = V;
    }

    /// <summary>Returns r ‖ s ‖ v as a new 65-byte array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The address whose key signed <paramref name="hash"/> with this signature.</summary>
    /// <exception cref="ArgumentException">No public key recovers from this signature (it is not a valid signature).</exception>
    public Address RecoverAddress(Bytes32 hash)
    {
        Span<byte> compact = stackalloc byte[64];
        R.WriteTo(compact);
        S.WriteTo(compact[32..]);
        Span<byte> message = stackalloc byte[32];
        hash.WriteTo(message);
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(compact, V - 27, out var signature)
            || !ECPubKey.TryRecover(Context.Instance, signature, message, out var publicKey))
        {
            throw new ArgumentException($"No public key recovers from signature {this} for hash {hash}.", nameof(hash));
        }

        return Secp256k1Address.From(publicKey);
    }

    /// <inheritdoc/>
    public bool Equals(EcdsaSignature other) => R == other.R && S == other.S && V == other.V;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EcdsaSignature other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(R, S, V);

    /// <summary>The 65 bytes as <c>0x</c>-prefixed hexadecimal.</summary>
    public override string ToString() => Hex.Encode(ToArray());

    /// <summary>Compares two signatures byte for byte.</summary>
    public static bool operator ==(EcdsaSignature left, EcdsaSignature right) => left.Equals(right);

    /// <summary>Compares two signatures byte for byte.</summary>
    public static bool operator !=(EcdsaSignature left, EcdsaSignature right) => !left.Equals(right);
}
