using System;
using BenchmarkDotNet.Attributes;
using Nethereum.Util;
using Org.BouncyCastle.Crypto.Digests;

namespace SessionGen.Benchmarks;

/// <summary>Keccak-256 of 100 bytes: SessionGen's hot-path hash vs Nethereum and raw BouncyCastle.</summary>
[MemoryDiagnoser]
public class KeccakBenchmarks
{
    private readonly byte[] _data = new byte[100];
    private readonly byte[] _hash = new byte[32];
    private readonly Sha3Keccack _nethereum = new();
    private readonly KeccakDigest _digest = new(256);

    [GlobalSetup]
    public void Setup() => new Random(42).NextBytes(_data);

    [Benchmark(Baseline = true, Description = "Nethereum Sha3Keccack")]
    public byte[] Nethereum() => _nethereum.CalculateHash(_data);

    [Benchmark(Description = "BouncyCastle KeccakDigest (reused)")]
    public byte[] BouncyCastle()
    {
        _digest.BlockUpdate(_data, 0, _data.Length);
        _digest.DoFinal(_hash, 0);
        return _hash;
    }

    [Benchmark(Description = "SessionGen Keccak256")]
    public byte[] SessionGen()
    {
        Keccak256.Hash(_data, _hash);
        return _hash;
    }
}
