using System;
using System.Buffers.Binary;
using System.Globalization;

namespace SessionGen;

/// <summary>A 4-byte function or error selector: the first four bytes of the Keccak-256 of its canonical signature.</summary>
public readonly struct Selector : IEquatable<Selector>
{
    /// <summary>Creates a selector from its big-endian value, e.g. <c>0xa9059cbb</c> for <c>transfer(address,uint256)</c>.</summary>
    public Selector(uint value) => Value = value;

    /// <summary>The selector as a big-endian 32-bit number.</summary>
    public uint Value { get; }

    /// <summary>Computes the selector of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    public static Selector FromSignature(string canonicalSignature)
    {
        ArgumentException.ThrowIfNullOrEmpty(canonicalSignature);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(canonicalSignature), hash);
        return new Selector(BinaryPrimitives.ReadUInt32BigEndian(hash));
    }

    /// <summary>Parses <c>0x</c> and 8 hexadecimal digits.</summary>
    /// <exception cref="FormatException">Not 4 bytes of hexadecimal.</exception>
    public static Selector Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != 4)
        {
            throw new FormatException($"'{Hex.Truncate(hex)}' is not a 4-byte selector.");
        }

        return new Selector(BinaryPrimitives.ReadUInt32BigEndian(bytes));
    }

    /// <summary>Writes the 4 bytes to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    /// <summary>Returns a new array with the 4 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[4];
        WriteTo(bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public bool Equals(Selector other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Selector other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <summary>The selector as <c>0x</c> and 8 lowercase hexadecimal digits.</summary>
    public override string ToString() => "0x" + Value.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Compares two selectors.</summary>
    public static bool operator ==(Selector left, Selector right) => left.Equals(right);

    /// <summary>Compares two selectors.</summary>
    public static bool operator !=(Selector left, Selector right) => !left.Equals(right);

    /// <summary>Wraps a raw selector value such as a generated <c>Selectors.Transfer</c> constant.</summary>
    public static implicit operator Selector(uint value) => new(value);
}
