using System;
using System.Buffers.Binary;

namespace SessionGen.Execution;

/// <summary>
/// The ERC-7579 execution mode, the first argument of <c>execute(bytes32 mode, bytes executionCalldata)</c>:
/// call type (1 byte) ‖ exec type (1 byte) ‖ unused (4 bytes) ‖ mode selector (4 bytes) ‖ mode payload (22 bytes).
/// </summary>
public readonly struct ExecutionMode : IEquatable<ExecutionMode>
{
    /// <summary>The size of the mode payload.</summary>
    public const int PayloadLength = 22;

    private readonly Bytes32 _value;

    /// <summary>Creates a mode.</summary>
    /// <param name="callType">How the execution calldata is laid out.</param>
    /// <param name="execType">What a failing call does.</param>
    /// <param name="modeSelector">An account-specific extension selector; 0 for the default behaviour.</param>
    /// <param name="payload">Up to 22 bytes of extension data, left-aligned; empty by default.</param>
    /// <exception cref="ArgumentException">The payload is longer than 22 bytes.</exception>
    public ExecutionMode(CallType callType, ExecType execType = ExecType.Default, uint modeSelector = 0, ReadOnlySpan<byte> payload = default)
    {
        if (payload.Length > PayloadLength)
        {
            throw new ArgumentException($"The mode payload holds at most {PayloadLength} bytes, got {payload.Length}.", nameof(payload));
        }

        Span<byte> word = stackalloc byte[32];
        word.Clear();
        word[0] = (byte)callType;
        word[1] = (byte)execType;
        BinaryPrimitives.WriteUInt32BigEndian(word[6..], modeSelector);
        payload.CopyTo(word[10..]);
        _value = new Bytes32(word);
    }

    private ExecutionMode(Bytes32 value) => _value = value;

    /// <summary>A single call that reverts on failure (mode 0x00…00).</summary>
    public static ExecutionMode Single => new(CallType.Single);

    /// <summary>A batch of calls that reverts on any failure (mode 0x01…00).</summary>
    public static ExecutionMode Batch => new(CallType.Batch);

    /// <summary>A delegate call that reverts on failure (mode 0xff…00).</summary>
    public static ExecutionMode DelegateCall => new(CallType.DelegateCall);

    /// <summary>How the execution calldata is laid out.</summary>
    public CallType CallType => (CallType)Byte(0);

    /// <summary>What a failing call does.</summary>
    public ExecType ExecType => (ExecType)Byte(1);

    /// <summary>The account-specific mode selector (bytes 6–9).</summary>
    public uint ModeSelector
    {
        get
        {
            Span<byte> word = stackalloc byte[32];
            _value.WriteTo(word);
            return BinaryPrimitives.ReadUInt32BigEndian(word[6..]);
        }
    }

    /// <summary>The 22-byte mode payload.</summary>
    public byte[] GetPayload()
    {
        Span<byte> word = stackalloc byte[32];
        _value.WriteTo(word);
        return word[10..].ToArray();
    }

    /// <summary>Reads a mode from its 32 bytes (any bytes are accepted, including unused ones).</summary>
    public static ExecutionMode FromBytes32(Bytes32 value) => new(value);

    /// <summary>The 32-byte mode word.</summary>
    public Bytes32 ToBytes32() => _value;

    /// <inheritdoc/>
    public bool Equals(ExecutionMode other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExecutionMode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>The mode word as hexadecimal.</summary>
    public override string ToString() => _value.ToString();

    /// <summary>Compares two modes.</summary>
    public static bool operator ==(ExecutionMode left, ExecutionMode right) => left.Equals(right);

    /// <summary>Compares two modes.</summary>
    public static bool operator !=(ExecutionMode left, ExecutionMode right) => !left.Equals(right);

    private byte Byte(int index)
    {
        Span<byte> word = stackalloc byte[32];
        _value.WriteTo(word);
        return word[index];
    }
}
