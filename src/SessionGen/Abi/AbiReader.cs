using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace SessionGen.Abi;

/// <summary>
/// Reads one ABI tuple (return data, an event's data, a custom error's arguments, a struct or an array's elements)
/// from encoded bytes: the counterpart of <see cref="AbiWriter"/>, used by the generated decoders.
/// </summary>
/// <remarks>
/// Strict, as Solidity's own decoder is: every offset and length is checked against the data before it is used, and a
/// word that is not the canonical encoding of its type (an address or a <c>uint8</c> with high bits set, a <c>bool</c>
/// that is 2, a <c>bytes4</c> with non-zero padding) is refused. Bad data throws <see cref="AbiDecodingException"/> naming
/// the position; it never reads out of range and never allocates more than the data could hold (an array's length is
/// checked against the bytes left before its elements are read).
/// </remarks>
public ref struct AbiReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _start;
    private readonly int _headEnd;
    private int _head;

    /// <summary>Starts reading a tuple that begins at <paramref name="start"/> and whose head takes <paramref name="headSize"/> bytes.</summary>
    /// <param name="data">The whole encoded payload; offsets in it are relative to the tuple that holds them.</param>
    /// <param name="start">Where the tuple begins (4 for calldata or revert data after the selector, 0 for return data).</param>
    /// <param name="headSize">The tuple's head: 32 bytes per static word or dynamic member.</param>
    /// <exception cref="AbiDecodingException">The data is too short for the head.</exception>
    public AbiReader(ReadOnlySpan<byte> data, int start, int headSize)
    {
        if (start < 0 || headSize < 0 || start > data.Length || headSize > data.Length - start)
        {
            throw new AbiDecodingException(
                $"The data is {data.Length} bytes long; a tuple of {headSize} head bytes at position {start.ToString(CultureInfo.InvariantCulture)} needs {((long)start + headSize).ToString(CultureInfo.InvariantCulture)}.",
                start);
        }

        _data = data;
        _start = start;
        _head = start;
        _headEnd = start + headSize;
    }

    /// <summary>Reads an <c>address</c> (the 12 high bytes must be zero).</summary>
    public Address ReadAddress()
    {
        var word = NextWord(out var position);
        RequireZero(word[..12], position, "an address");
        return new Address(word[12..]);
    }

    /// <summary>Reads a <c>bool</c> (the word must be 0 or 1).</summary>
    public bool ReadBool()
    {
        var word = NextWord(out var position);
        RequireZero(word[..31], position, "a bool");
        return word[31] switch
        {
            0 => false,
            1 => true,
            _ => throw new AbiDecodingException($"The word at position {position} is not a bool (0 or 1).", position),
        };
    }

    /// <summary>Reads a <c>uint<paramref name="bits"/></c> of up to 64 bits.</summary>
    public ulong ReadUInt64(int bits)
    {
        var word = NextWord(out var position);
        RequireZero(word[..24], position, "a uint" + bits.ToString(CultureInfo.InvariantCulture));
        var value = BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        if (bits < 64 && value >> bits != 0)
        {
            throw OutOfRange(position, "uint", bits);
        }

        return value;
    }

    /// <summary>Reads an <c>int<paramref name="bits"/></c> of up to 64 bits (sign-extended to 256 bits).</summary>
    public long ReadInt64(int bits)
    {
        var word = NextWord(out var position);
        var value = BinaryPrimitives.ReadInt64BigEndian(word[24..]);
        var extension = value < 0 ? (byte)0xFF : (byte)0;
        if (word[..24].IndexOfAnyExcept(extension) >= 0 || (bits < 64 && (value < -(1L << (bits - 1)) || value > (1L << (bits - 1)) - 1)))
        {
            throw OutOfRange(position, "int", bits);
        }

        return value;
    }

    /// <summary>Reads a <c>uint<paramref name="bits"/></c>.</summary>
    public BigInteger ReadUInt(int bits = 256)
    {
        var word = NextWord(out var position);
        var unused = (256 - bits) / 8;
        if (word[..unused].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw OutOfRange(position, "uint", bits);
        }

        return new BigInteger(word, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads an <c>int<paramref name="bits"/></c> (two's complement, sign-extended to 256 bits).</summary>
    public BigInteger ReadInt(int bits = 256)
    {
        var word = NextWord(out var position);
        var unused = (256 - bits) / 8;
        var extension = (word[unused] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        if (word[..unused].IndexOfAnyExcept(extension) >= 0)
        {
            throw OutOfRange(position, "int", bits);
        }

        return new BigInteger(word, isUnsigned: false, isBigEndian: true);
    }

    /// <summary>Reads a <c>bytes32</c>.</summary>
    public Bytes32 ReadBytes32() => new(NextWord(out _));

    /// <summary>Reads a <c>bytes<paramref name="length"/></c> value (1 to 31 bytes, left-aligned, zero padding).</summary>
    public byte[] ReadFixedBytes(int length)
    {
        var word = NextWord(out var position);
        RequireZero(word[length..], position, "a bytes" + length.ToString(CultureInfo.InvariantCulture));
        return word[..length].ToArray();
    }

    /// <summary>Reads a dynamic <c>bytes</c> value.</summary>
    public byte[] ReadBytes() => DynamicBytes("bytes").ToArray();

    /// <summary>Reads a <c>string</c> (UTF-8; invalid sequences become U+FFFD, as in Solidity tools).</summary>
    public string ReadString() => Encoding.UTF8.GetString(DynamicBytes("string"));

    /// <summary>Starts reading a static tuple (or a fixed-size array of static elements) held inline in this head.</summary>
    /// <param name="size">Its encoded size.</param>
    public AbiReader BeginStaticTuple(int size)
    {
        var start = _head;
        if (size > _headEnd - _head)
        {
            throw new InvalidOperationException("A static tuple larger than the rest of the head: the generated decoder and the reader disagree.");
        }

        _head += size;
        return new AbiReader(_data, start, size);
    }

    /// <summary>Starts reading a dynamic tuple (or a fixed-size array of dynamic elements) whose offset is the next head word.</summary>
    /// <param name="headSize">Its own head's size.</param>
    public AbiReader BeginDynamicTuple(int headSize) => new(_data, ReadOffset(out _), headSize);

    /// <summary>Starts reading a dynamic-length array <c>T[]</c> whose offset is the next head word.</summary>
    /// <param name="elementHeadSize">What one element takes in the array's head (32 for a dynamic element).</param>
    /// <param name="count">The number of elements, checked against the data left.</param>
    public AbiReader BeginDynamicArray(int elementHeadSize, out int count)
    {
        var at = ReadOffset(out _);
        count = ReadLength(at, elementHeadSize, "array");
        return new AbiReader(_data, at + 32, count * elementHeadSize);
    }

    private ReadOnlySpan<byte> DynamicBytes(string what)
    {
        var at = ReadOffset(out _);
        var length = ReadLength(at, 1, what);
        return _data.Slice(at + 32, length);
    }

    /// <summary>Reads a head word holding an offset (relative to this tuple) and checks that a length word fits there.</summary>
    private int ReadOffset(out int position)
    {
        var word = NextWord(out position);
        if (word[..24].IndexOfAnyExcept((byte)0) >= 0 || BinaryPrimitives.ReadUInt64BigEndian(word[24..]) is var offset && offset > (ulong)(_data.Length - _start)
            || _start + (int)offset > _data.Length - 32)
        {
            throw new AbiDecodingException(
                $"The offset at position {position} points outside the {_data.Length.ToString(CultureInfo.InvariantCulture)}-byte data.", position);
        }

        return _start + (int)offset;
    }

    /// <summary>Reads the length word at <paramref name="at"/> and checks that that many items of <paramref name="itemSize"/> bytes follow it.</summary>
    private readonly int ReadLength(int at, int itemSize, string what)
    {
        var word = _data.Slice(at, 32);
        var available = _data.Length - at - 32;
        if (word[..24].IndexOfAnyExcept((byte)0) >= 0 || BinaryPrimitives.ReadUInt64BigEndian(word[24..]) is var length && length > (ulong)available / (ulong)itemSize)
        {
            throw new AbiDecodingException(
                $"The {what} at position {at.ToString(CultureInfo.InvariantCulture)} claims more than the {available.ToString(CultureInfo.InvariantCulture)} bytes that follow its length.", at);
        }

        return (int)length;
    }

    private ReadOnlySpan<byte> NextWord(out int position)
    {
        position = _head;
        if (_head > _headEnd - 32)
        {
            throw new InvalidOperationException("Read past the tuple's head: the generated decoder and the reader disagree.");
        }

        _head += 32;
        return _data.Slice(position, 32);
    }

    private static void RequireZero(ReadOnlySpan<byte> bytes, int position, string what)
    {
        if (bytes.IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new AbiDecodingException($"The word at position {position.ToString(CultureInfo.InvariantCulture)} is not {what}: its padding is not zero.", position);
        }
    }

    private static AbiDecodingException OutOfRange(int position, string type, int bits) =>
        new($"The word at position {position.ToString(CultureInfo.InvariantCulture)} is not a valid {type}{bits.ToString(CultureInfo.InvariantCulture)}.", position);
}
