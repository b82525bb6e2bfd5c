using System;
using System.Buffers;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// Identifies a session within the SmartSession module:
/// <c>keccak256(abi.encode(sessionValidator, sessionValidatorInitData, salt))</c>.
/// Both module generations compute it the same way.
/// </summary>
public readonly struct PermissionId : IEquatable<PermissionId>
{
    /// <summary>Wraps an already computed permission id (e.g. read from a contract event).</summary>
    public PermissionId(Bytes32 value) => Value = value;

    /// <summary>The 32-byte id.</summary>
    public Bytes32 Value { get; }

    /// <summary>Computes the id of a session from the three fields that define its signer.</summary>
    public static PermissionId Compute(Address sessionValidator, ReadOnlySpan<byte> sessionValidatorInitData, Bytes32 salt)
    {
        // abi.encode(address, bytes, bytes32): three head words, then the bytes' length word and padded content.
        var size = (3 * AbiSize.Word) + AbiSize.Bytes(sessionValidatorInitData.Length);
        byte[]? rented = null;
        var buffer = size <= 512 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            var writer = new AbiWriter(buffer, 0, 3 * AbiSize.Word);
            writer.WriteAddress(sessionValidator);
            writer.WriteBytes(sessionValidatorInitData);
            writer.WriteBytes32(salt);
            return new PermissionId(Keccak256.Hash(buffer));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Parses 32 bytes of hexadecimal.</summary>
    /// <exception cref="FormatException">Not 32 bytes of hexadecimal.</exception>
    public static PermissionId Parse(string hex) => new(Bytes32.Parse(hex));

    /// <inheritdoc/>
    public bool Equals(PermissionId other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PermissionId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id as <c>0x</c> and 64 lowercase hexadecimal digits.</summary>
    public override string ToString() => Value.ToString();

    /// <summary>Compares two ids.</summary>
    public static bool operator ==(PermissionId left, PermissionId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    public static bool operator !=(PermissionId left, PermissionId right) => !left.Equals(right);
}
