using System;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.RLP;
using SessionGen.Signing;

namespace SessionGen.Transport;

/// <summary>
/// Builds and signs an EIP-1559 (type 2) transaction with any <see cref="IAsyncSigner"/>, so the key that pays
/// for <c>handleOps</c> can live anywhere a signer can (Nethereum's account types want the raw key).
/// </summary>
internal static class Eip1559Transaction
{
    private const byte TransactionType = 0x02;

    public static async Task<byte[]> SignAsync(
        IAsyncSigner signer,
        ulong chainId,
        BigInteger nonce,
        BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas,
        BigInteger gasLimit,
        Address to,
        BigInteger value,
        ReadOnlyMemory<byte> data,
        CancellationToken cancellationToken)
    {
        byte[][] fields =
        [
            Integer(chainId),
            Integer(nonce),
            Integer(maxPriorityFeePerGas),
            Integer(maxFeePerGas),
            Integer(gasLimit),
            RLP.EncodeElement(to.ToArray()),
            Integer(value),
            RLP.EncodeElement(data.ToArray()),
            RLP.EncodeList(), // access list: empty
        ];
        var signingHash = Keccak256.Hash(Typed(RLP.EncodeList(fields)));
        var signature = await signer.SignHashAsync(signingHash, cancellationToken).ConfigureAwait(false);
        byte[][] signed =
        [
            .. fields,
            Integer(signature.V - 27), // y-parity
            Integer(new BigInteger(signature.R.ToArray(), isUnsigned: true, isBigEndian: true)),
            Integer(new BigInteger(signature.S.ToArray(), isUnsigned: true, isBigEndian: true)),
        ];
        return Typed(RLP.EncodeList(signed));
    }

    private static byte[] Typed(byte[] payload)
    {
        var result = new byte[1 + payload.Length];
        result[0] = TransactionType;
        payload.CopyTo(result, 1);
        return result;
    }

    // RLP integers are minimal big-endian byte strings; zero is the empty string.
    private static byte[] Integer(BigInteger value) =>
        RLP.EncodeElement(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
