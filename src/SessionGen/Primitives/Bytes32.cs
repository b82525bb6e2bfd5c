using System;
using System.Buffers.Binary;

namespace SessionGen;

/// <summary>A 32-byte value: a hash, a salt, an ABI word.</summary>
public readonly struct Bytes32 : IEquatable<Bytes32>
{
    private readonly ulong _a, _b, _c, _d;

    /// <summary>Creates a value from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException($"A bytes32 value needs exactly 32 bytes, got {bytes.Length}.", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The all-zero value.</summary>
    public static Bytes32 Zero => default;

    /// <summary>Parses 64 hexadecimal digits, with or without <c>0x</c>.</summary>
    /// <exception cref="FormatException">Not 32 bytes of hexadecimal.</exception>
    public static Bytes32 Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != 32)
        {
            throw new FormatException($"'{Hex.Truncate(hex)}' is not a 32-byte hexadecimal value.");
        }

        return new Bytes32(bytes);
    }

    /// <summary>Parses a value as <see cref="Parse"/> does; returns <see langword="false"/> instead of throwing.</summary>
    public static bool TryParse(string? hex, out Bytes32 value)
    {
        value = default;
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != 32)
        {
            return false;
        }

        value = new Bytes32(bytes);
        return true;
    }

    /// <summary>Writes the 32 bytes to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>Returns a new array with the 32 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[32];
        WriteTo(bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public bool Equals(Bytes32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>The value as <c>0x</c> and 64 lowercase hexadecimal digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <summary>Compares two values byte for byte.</summary>
    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    /// <summary>Compares two values byte for byte.</summary>
    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);
}
