using System.Threading;
using System.Threading.Tasks;

namespace SessionGen.Signing;

/// <summary>
/// Something that signs 32-byte hashes for an Ethereum address with secp256k1: a key held elsewhere
/// (a wallet, a hardware module, a key vault) that may need a round trip.
/// </summary>
/// <remarks>
/// The hash is signed as is: callers pick the convention (DESIGN.md §5.1). The owner's own user operation
/// is signed over <see cref="Eip191.HashMessage(Bytes32)"/> of the user-op hash; a session key signs the
/// raw user-op hash; the owner's <c>permissionEnableSig</c> signs the raw enable digest.
/// </remarks>
public interface IAsyncSigner
{
    /// <summary>The address whose key makes the signatures.</summary>
    Address Address { get; }

    /// <summary>Signs <paramref name="hash"/> (no prefix is added).</summary>
    ValueTask<EcdsaSignature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default);
}

/// <summary>A signer that signs in process, without waiting (for example <see cref="PrivateKeySigner"/>).</summary>
public interface ISigner : IAsyncSigner
{
    /// <summary>Signs <paramref name="hash"/> (no prefix is added).</summary>
    EcdsaSignature SignHash(Bytes32 hash);

    /// <inheritdoc/>
    ValueTask<EcdsaSignature> IAsyncSigner.SignHashAsync(Bytes32 hash, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<EcdsaSignature>(SignHash(hash));
    }
}
