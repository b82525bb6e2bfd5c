using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace SessionGen.Abi;

/// <summary>
/// Writes one ABI tuple (a parameter list, a struct, or the elements of an array) into a caller-sized buffer,
/// following the Solidity ABI head/tail layout: static values in the head, dynamic values in the tail with
/// their offset (relative to the tuple's start) in the head.
/// </summary>
/// <remarks>
/// Hand-written rather than Nethereum's reflection-based encoder because it sits on the hot path of every
/// call builder: it allocates nothing, and the exact size is known up front (<see cref="AbiSize"/>).
/// Nested dynamic values are written with a child writer (<see cref="BeginDynamicTuple"/>,
/// <see cref="BeginDynamicArray"/>) that is closed with <see cref="End"/>.
/// </remarks>
public ref struct AbiWriter
{
    private readonly Span<byte> _buffer;
    private readonly int _start;
    private int _head;
    private int _tail;

    /// <summary>Starts a tuple at <paramref name="start"/> whose head takes <paramref name="headSize"/> bytes.</summary>
    /// <param name="buffer">The whole output buffer; positions are absolute within it.</param>
    /// <param name="start">Where the tuple begins (offsets of its dynamic members are relative to this).</param>
    /// <param name="headSize">The size of the tuple's head: 32 bytes per static word or dynamic member.</param>
    public AbiWriter(Span<byte> buffer, int start, int headSize)
    {
        if (start < 0 || headSize < 0 || start + headSize > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(headSize), "The tuple's head does not fit in the buffer.");
        }

        _buffer = buffer;
        _start = start;
        _head = start;
        _tail = start + headSize;
    }

    /// <summary>The position just past everything this writer has written (head and tail).</summary>
    public readonly int Position => _tail;

    /// <summary>Writes an <c>address</c>.</summary>
    public void WriteAddress(Address value)
    {
        var word = NextWord();
        word[..12].Clear();
        value.WriteTo(word[12..]);
    }

    /// <summary>Writes a <c>bool</c>.</summary>
    public void WriteBool(bool value) => WriteUInt64(value ? 1UL : 0UL);

    /// <summary>Writes an unsigned integer of up to 64 bits (<c>uint8</c> … <c>uint64</c>).</summary>
    public void WriteUInt64(ulong value)
    {
        var word = NextWord();
        word[..24].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word[24..], value);
    }

    /// <summary>Writes a signed integer of up to 64 bits (<c>int8</c> … <c>int64</c>), sign-extended.</summary>
    public void WriteInt64(long value)
    {
        var word = NextWord();
        word[..24].Fill(value < 0 ? (byte)0xFF : (byte)0);
        BinaryPrimitives.WriteInt64BigEndian(word[24..], value);
    }

    /// <summary>Writes a <c>uint<paramref name="bits"/></c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or needs more than <paramref name="bits"/> bits.</exception>
    public void WriteUInt(BigInteger value, int bits = 256)
    {
        AbiRange.CheckUnsigned(value, bits);
        var word = NextWord();
        word.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Writes an <c>int<paramref name="bits"/></c> in two's complement.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit in <paramref name="bits"/> bits.</exception>
    public void WriteInt(BigInteger value, int bits = 256)
    {
        AbiRange.CheckSigned(value, bits);
        var word = NextWord();
        word.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        var length = value.GetByteCount(isUnsigned: false);
        value.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: false, isBigEndian: true);
    }

    /// <summary>Writes a <c>bytes32</c>.</summary>
    public void WriteBytes32(Bytes32 value) => value.WriteTo(NextWord());

    /// <summary>Writes a <c>bytes1</c> … <c>bytes32</c> value: left-aligned, zero-padded.</summary>
    /// <exception cref="ArgumentException">More than 32 bytes.</exception>
    public void WriteFixedBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length > 32)
        {
            throw new ArgumentException($"A fixed-size bytes value holds at most 32 bytes, got {value.Length}.", nameof(value));
        }

        var word = NextWord();
        value.CopyTo(word);
        word[value.Length..].Clear();
    }

    /// <summary>Writes a dynamic <c>bytes</c> value.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteOffset();
        WriteLengthPrefixed(value);
    }

    /// <summary>Writes a dynamic <c>string</c> value (UTF-8).</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteOffset();
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLengthWord(length);
        var content = _buffer.Slice(_tail, AbiSize.PadToWord(length));
        Encoding.UTF8.GetBytes(value, content);
        content[length..].Clear();
        _tail += content.Length;
    }

    /// <summary>
    /// Starts a static tuple or fixed-size array of static elements inline in this head.
    /// Close it with <see cref="End"/>.
    /// </summary>
    public AbiWriter BeginStaticTuple(int size)
    {
        var child = new AbiWriter(_buffer, _head, size);
        _head += size;
        return child;
    }

    /// <summary>
    /// Starts a dynamic tuple (or a fixed-size array with dynamic elements): its offset goes in this head,
    /// its own head of <paramref name="headSize"/> bytes at this writer's tail. Close it with <see cref="End"/>.
    /// </summary>
    public AbiWriter BeginDynamicTuple(int headSize)
    {
        WriteOffset();
        return new AbiWriter(_buffer, _tail, headSize);
    }

    /// <summary>
    /// Starts a dynamic-length array <c>T[]</c> of <paramref name="count"/> elements, each taking
    /// <paramref name="elementHeadSize"/> bytes in the array's head (32 for a dynamic element).
    /// Write the elements with the returned writer, then close it with <see cref="End"/>.
    /// </summary>
    public AbiWriter BeginDynamicArray(int count, int elementHeadSize)
    {
        WriteOffset();
        WriteLengthWord(count);
        return new AbiWriter(_buffer, _tail, checked(count * elementHeadSize));
    }

    /// <summary>Closes a child writer started by one of the <c>Begin…</c> methods, taking over its tail.</summary>
    public void End(in AbiWriter child)
    {
        if (child._tail > _tail)
        {
            _tail = child._tail;
        }
    }

    /// <summary>Writes raw bytes at the tail (e.g. already-encoded data). Advances the tail by their length.</summary>
    internal void WriteRawTail(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[_tail..]);
        _tail += value.Length;
    }

    private void WriteLengthPrefixed(ReadOnlySpan<byte> value)
    {
        WriteLengthWord(value.Length);
        var content = _buffer.Slice(_tail, AbiSize.PadToWord(value.Length));
        value.CopyTo(content);
        content[value.Length..].Clear();
        _tail += content.Length;
    }

    private void WriteLengthWord(int length)
    {
        var word = _buffer.Slice(_tail, 32);
        word[..24].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word[24..], (ulong)length);
        _tail += 32;
    }

    private void WriteOffset() => WriteUInt64((ulong)(_tail - _start));

    private Span<byte> NextWord()
    {
        var word = _buffer.Slice(_head, 32);
        _head += 32;
        return word;
    }
}
