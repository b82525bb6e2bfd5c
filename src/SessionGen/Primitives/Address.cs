using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace SessionGen;

/// <summary>A 20-byte Ethereum address. Parses and formats with the EIP-55 mixed-case checksum.</summary>
/// <remarks>Ordered by its numeric value, the order the protocol uses for sorted owner lists.</remarks>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    /// <summary>The length of an address in bytes.</summary>
    public const int Length = 20;

    private readonly ulong _high;
    private readonly ulong _middle;
    private readonly uint _low;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An address needs exactly 20 bytes, got {bytes.Length}.", nameof(bytes));
        }

        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _middle = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _low = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>The zero address, <c>0x0000000000000000000000000000000000000000</c>.</summary>
    public static Address Zero => default;

    /// <summary>Whether this is the zero address.</summary>
    public bool IsZero => _high == 0 && _middle == 0 && _low == 0;

    /// <summary>
    /// Parses <c>0x</c> and 40 hexadecimal digits. All-lowercase and all-uppercase text is accepted as is;
    /// mixed case must carry a valid EIP-55 checksum.
    /// </summary>
    /// <exception cref="FormatException">The text is not an address, or its checksum is wrong.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var address, out var error))
        {
            throw new FormatException(error);
        }

        return address;
    }

    /// <summary>Parses an address as <see cref="Parse(string)"/> does; returns <see langword="false"/> instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.Ordinal))
        {
            error = $"'{Hex.Truncate(text ?? "<null>")}' is not an address: expected 0x followed by 40 hexadecimal digits.";
            return false;
        }

        if (!Hex.TryDecode(text, out var bytes))
        {
            error = $"'{text}' is not an address: it contains a character that is not hexadecimal.";
            return false;
        }

        address = new Address(bytes);
        var digits = text.AsSpan(2);
        var hasLower = digits.IndexOfAnyInRange('a', 'f') >= 0;
        var hasUpper = digits.IndexOfAnyInRange('A', 'F') >= 0;
        if (hasLower && hasUpper && !digits.SequenceEqual(address.ToString().AsSpan(2)))
        {
            error = $"'{text}' has an invalid EIP-55 checksum; the checksummed form is {address}.";
            address = default;
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Writes the 20 bytes to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _low);
    }

    /// <summary>Returns a new array with the 20 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The EIP-55 checksummed form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Span<char> lower = stackalloc char[40];
        for (var i = 0; i < Length; i++)
        {
            lower[2 * i] = HexDigit(bytes[i] >> 4);
            lower[(2 * i) + 1] = HexDigit(bytes[i] & 0xF);
        }

        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            ascii[i] = (byte)lower[i];
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(ascii, hash);
        Span<char> result = stackalloc char[42];
        result[0] = '0';
        result[1] = 'x';
        for (var i = 0; i < 40; i++)
        {
            var nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            result[i + 2] = nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i];
        }

        return new string(result);
    }

    /// <summary>The address as lowercase hexadecimal with <c>0x</c> (no checksum).</summary>
    public string ToLowerHex() => ToString().ToLowerInvariant();

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    /// <inheritdoc/>
    public bool Equals(Address other) => _high == other._high && _middle == other._middle && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _middle, _low);

    /// <summary>Compares numerically, as <c>uint160</c> values.</summary>
    public int CompareTo(Address other)
    {
        var c = _high.CompareTo(other._high);
        if (c != 0)
        {
            return c;
        }

        c = _middle.CompareTo(other._middle);
        return c != 0 ? c : _low.CompareTo(other._low);
    }

    /// <summary>Compares two addresses byte for byte.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Compares two addresses byte for byte.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    /// <summary>Numeric order.</summary>
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    /// <summary>Numeric order.</summary>
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;
}
