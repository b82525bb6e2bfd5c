using System;
using BenchmarkDotNet.Attributes;
using Nethereum.Signer;
using SessionGen.Signing;
using static SessionGen.Benchmarks.PeerInputs;

namespace SessionGen.Benchmarks;

/// <summary>
/// The session key signs a user-op hash (recoverable secp256k1, RFC 6979, low-s): SessionGen's <see cref="PrivateKeySigner"/>
/// (NBitcoin.Secp256k1) vs Nethereum's <c>EthECKey.SignAndCalculateV</c>. Both keys are made once, outside the measurement.
/// (The test suite checks the two produce byte-identical signatures; <see cref="Setup"/> only guards this input.)
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private readonly byte[] _hash = UserOpHash.ToArray();
    private EthECKey _nethereumKey = null!;
    private PrivateKeySigner _signer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nethereumKey = new EthECKey(SessionKey);
        _signer = PrivateKeySigner.FromPrivateKey(SessionKey);
        var nethereum = NethereumSign();
        Check.Equal("signature", [.. nethereum.R, .. nethereum.S, .. nethereum.V], SessionGenSign().ToArray());
    }

    [GlobalCleanup]
    public void Cleanup() => _signer.Dispose();

    [Benchmark(Baseline = true, Description = "Nethereum EthECKey.SignAndCalculateV")]
    public EthECDSASignature NethereumSign() => _nethereumKey.SignAndCalculateV(_hash);

    [Benchmark(Description = "SessionGen PrivateKeySigner.SignHash")]
    public EcdsaSignature SessionGenSign() => _signer.SignHash(UserOpHash);
}
