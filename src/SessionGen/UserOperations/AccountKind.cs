using System;
using System.Numerics;

namespace SessionGen.UserOperations;

/// <summary>
/// What differs between smart-account implementations that this library needs to know: how the nonce key
/// selects the validator that checks a user operation's signature, and how an ERC-1271 signature names its validator.
/// </summary>
/// <remarks>
/// ERC-7579 leaves the choice of validator to the account. The reference implementation (MSA) reads it from
/// the top 20 bytes of the nonce. Other accounts (Safe7579, Nexus, Kernel) lay the key out their own way and
/// get their own instance.
/// </remarks>
public abstract class AccountKind
{
    /// <summary>For derived account kinds.</summary>
    protected AccountKind()
    {
    }

    /// <summary>
    /// The ERC-7579 reference implementation (MSA, as in modulekit): the nonce key is
    /// <c>validator ‖ 4 zero bytes</c>, i.e. <c>uint192(validator) &lt;&lt; 32</c>, and the account reads the
    /// validator back as <c>nonce &gt;&gt; 96</c>.
    /// </summary>
    public static AccountKind Erc7579Reference { get; } = new Erc7579ReferenceAccount();

    /// <summary>A short name for messages.</summary>
    public abstract string Name { get; }

    /// <summary>The 192-bit nonce key that makes the account validate with <paramref name="validator"/>.</summary>
    public abstract BigInteger GetNonceKey(Address validator);

    /// <summary>
    /// A nonce key for <paramref name="validator"/> on an independent lane: each key has its own sequence at the
    /// EntryPoint, so operations in flight at the same time on different lanes neither share a nonce nor need to
    /// land in order. Lane 0 is <see cref="GetNonceKey(Address)"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The account kind has no room for lanes in its key and <paramref name="lane"/> is not 0.</exception>
    public virtual BigInteger GetNonceKey(Address validator, uint lane) =>
        lane == 0 ? GetNonceKey(validator) : throw new NotSupportedException($"The {Name} has no free bits in its nonce key for lane {lane}.");

    /// <summary>The validator a nonce selects.</summary>
    public abstract Address GetValidator(BigInteger nonce);

    /// <summary>
    /// A signature in the format the account's <c>isValidSignature</c> (ERC-1271) routes to <paramref name="validator"/>:
    /// for example the owner's <c>permissionEnableSig</c> in an ENABLE-mode session signature.
    /// </summary>
    /// <param name="validator">The validator that checks the signature (e.g. the owner validator).</param>
    /// <param name="signature">That validator's signature (for an ECDSA owner: over the raw enable digest).</param>
    public abstract byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature);

    /// <summary>The full nonce for <paramref name="validator"/> at <paramref name="sequence"/> (read the sequence with the EntryPoint's <c>getNonce(sender, key)</c>).</summary>
    public BigInteger GetNonce(Address validator, ulong sequence) => UserOperationNonce.Compose(GetNonceKey(validator), sequence);

    /// <summary>The account kind's name.</summary>
    public override string ToString() => Name;

    private sealed class Erc7579ReferenceAccount : AccountKind
    {
        public override string Name => "ERC-7579 reference account (MSA)";

        public override BigInteger GetNonceKey(Address validator) => GetNonceKey(validator, 0);

        // The 4 bytes after the validator are not read by the account: they make 2^32 independent lanes.
        public override BigInteger GetNonceKey(Address validator, uint lane) =>
            (new BigInteger(validator.ToArray(), isUnsigned: true, isBigEndian: true) << 32) | lane;

        // The MSA reads the validator from the first 20 bytes and passes the rest on.
        public override byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature)
        {
            var result = new byte[Address.Length + signature.Length];
            validator.WriteTo(result);
            signature.CopyTo(result.AsSpan(Address.Length));
            return result;
        }

        public override Address GetValidator(BigInteger nonce)
        {
            Span<byte> word = stackalloc byte[32];
            word.Clear();
            var key = UserOperationNonce.GetKey(nonce);
            var keyBytes = word[8..];
            key.TryWriteBytes(keyBytes[(24 - key.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
            return new Address(keyBytes[..20]);
        }
    }
}
