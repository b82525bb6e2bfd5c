using System;
using System.Diagnostics;
using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace SessionGen.Signing;

/// <summary>
/// A secp256k1 key held in memory, such as an app's session key: signs hashes with RFC 6979 deterministic
/// nonces and low-s, the same bytes as Nethereum's <c>EthECKey.SignAndCalculateV</c>, about 8x faster.
/// </summary>
/// <remarks>
/// The private key never appears in <see cref="ToString"/>, in exception messages or in the debugger;
/// only <see cref="ExportPrivateKey"/> reveals it. It lives in a pinned array (so the garbage collector
/// leaves no stray copies) that <see cref="Dispose"/> overwrites with zeros.
/// </remarks>
[DebuggerDisplay("PrivateKeySigner {Address}")]
public sealed class PrivateKeySigner : ISigner, IDisposable
{
    private const int KeyLength = 32;

    private readonly byte[] _key = GC.AllocateUninitializedArray<byte>(KeyLength, pinned: true);
    private bool _disposed;

    private PrivateKeySigner(ReadOnlySpan<byte> privateKey)
    {
        privateKey.CopyTo(_key);
        using var key = CreateKey();
        Address = Secp256k1Address.From(key.CreatePubKey());
    }

    /// <inheritdoc/>
    public Address Address { get; }

    /// <summary>Creates a new random key from the operating system's cryptographic random number generator.</summary>
    public static PrivateKeySigner Generate()
    {
        Span<byte> candidate = stackalloc byte[KeyLength];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(candidate);

                // Rejection sampling: about 1 in 2^128 draws is zero or not below the curve order.
                if (ECPrivKey.TryCreate(candidate, out var key))
                {
                    key.Dispose();
                    return new PrivateKeySigner(candidate);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(candidate);
        }
    }

    /// <summary>Uses an existing 32-byte private key. The caller's copy is not changed or kept.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes, or it is zero or not below the curve order.</exception>
    public static PrivateKeySigner FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeyLength)
        {
            throw new ArgumentException($"A private key is {KeyLength} bytes, got {privateKey.Length}.", nameof(privateKey));
        }

        if (!ECPrivKey.TryCreate(privateKey, out var key))
        {
            throw new ArgumentException("The private key is not a valid secp256k1 key (zero, or not below the curve order).", nameof(privateKey));
        }

        key.Dispose();
        return new PrivateKeySigner(privateKey);
    }

    /// <summary>Uses an existing private key written as 64 hexadecimal digits, with or without <c>0x</c>.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes of hexadecimal, or not a valid key. The message never quotes the text.</exception>
    public static PrivateKeySigner FromPrivateKey(string privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        if (!Hex.TryDecode(privateKeyHex, out var bytes))
        {
            throw new ArgumentException($"The private key is not hexadecimal ({privateKeyHex.Length} characters).", nameof(privateKeyHex));
        }

        try
        {
            return FromPrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public EcdsaSignature SignHash(Bytes32 hash)
    {
        Span<byte> message = stackalloc byte[32];
        hash.WriteTo(message);
        using var key = CreateKey();
        if (!key.TrySignRecoverable(message, out var signature) || signature is null)
        {
            throw new InvalidOperationException("secp256k1 signing failed.");
        }

        Span<byte> compact = stackalloc byte[64];
        signature.WriteToSpanCompact(compact, out var recoveryId);
        return new EcdsaSignature(new Bytes32(compact[..32]), new Bytes32(compact[32..]), (byte)(27 + recoveryId));
    }

    /// <summary>Returns a copy of the 32-byte private key, for the caller to store securely. Handle with care.</summary>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public byte[] ExportPrivateKey()
    {
        ThrowIfDisposed();
        return (byte[])_key.Clone();
    }

    /// <summary>Overwrites the private key with zeros; the signer cannot sign afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
    }

    /// <summary>Names the signer by its address only.</summary>
    public override string ToString() => $"PrivateKeySigner {Address}";

    private ECPrivKey CreateKey()
    {
        ThrowIfDisposed();
        return ECPrivKey.TryCreate(_key, out var key)
            ? key
            : throw new InvalidOperationException("The private key is not valid.");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
