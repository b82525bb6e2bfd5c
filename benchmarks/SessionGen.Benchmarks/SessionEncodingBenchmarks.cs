using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nethereum.ABI;
using Nethereum.ABI.EIP712;
using Nethereum.Signer.EIP712;
using Nethereum.Util;
using SessionGen.Compression;
using SessionGen.Protocol;
using static SessionGen.Benchmarks.PeerInputs;

namespace SessionGen.Benchmarks;

/// <summary>
/// The Smart Sessions encodings of the "one-click trading" session (<see cref="PeerInputs.Session"/>): permission id,
/// install data, the EIP-712 enable digest and FastLZ compression of the ENABLE payload. The peers (module-sdk, viem,
/// solady) run the same inputs in benchmarks/node/peers.mjs. Nethereum results are checked equal in <see cref="Setup"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SessionEncodingBenchmarks
{
    private readonly ABIEncode _abiEncode = new();
    private readonly ChainDigest[] _chain = new ChainDigest[1];
    private byte[] _initData = [];
    private string _typedDataJson = "";
    private TypedDataRaw _typedData = null!;

    [GlobalSetup]
    public void Setup()
    {
        _initData = OneClickSession.SessionValidatorInitData.ToArray();
        _typedDataJson = NethereumTypedData.ForEnable(OneClickSession, Account, EnableNonce, ChainId);
        _typedData = TypedDataRawJsonConversion.DeserialiseJsonToRawTypedData(_typedDataJson);

        Check.Equal("permission id", OneClickSession.PermissionId.Value.ToArray(), NethereumPermissionId());
        Check.Equal("enable digest (Nethereum, parsed)", SessionGenEnableDigest().ToArray(), NethereumEnableDigest());
        Check.Equal("enable digest (Nethereum, JSON)", SessionGenEnableDigest().ToArray(), NethereumEnableDigestFromJson());
        Check.Equal("FastLZ round trip", EnablePayload, FastLz.Decompress(FastLzCompress()));
    }

    [BenchmarkCategory("permissionId"), Benchmark(Baseline = true, Description = "Nethereum ABIEncode + Keccak")]
    public byte[] NethereumPermissionId() => _abiEncode.GetSha3ABIEncoded(
        new ABIValue("address", OneClickSession.SessionValidator.ToString()), new ABIValue("bytes", _initData), new ABIValue("bytes32", Salt.ToArray()));

    [BenchmarkCategory("permissionId"), Benchmark(Description = "SessionGen PermissionId.Compute")]
    public PermissionId SessionGenPermissionId() => PermissionId.Compute(OneClickSession.SessionValidator, _initData, Salt);

    [BenchmarkCategory("installData"), Benchmark(Baseline = true, Description = "SessionGen SmartSessionModule.GetInstallData")]
    public byte[] SessionGenInstallData() => SmartSessionModule.GetInstallData(PeerInputs.Sessions);

    [BenchmarkCategory("enableDigest"), Benchmark(Baseline = true, Description = "Nethereum Eip712TypedDataEncoder (parsed typed data)")]
    public byte[] NethereumEnableDigest() => Sha3Keccack.Current.CalculateHash(Eip712TypedDataEncoder.Current.EncodeTypedDataRaw(_typedData));

    [BenchmarkCategory("enableDigest"), Benchmark(Description = "Nethereum Eip712TypedDataEncoder (from JSON)")]
    public byte[] NethereumEnableDigestFromJson() => Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(_typedDataJson);

    [BenchmarkCategory("enableDigest"), Benchmark(Description = "SessionGen EnableDigest (ForChain + Compute)")]
    public Bytes32 SessionGenEnableDigest()
    {
        _chain[0] = EnableDigest.ForChain(ChainId, OneClickSession, Account, EnableNonce);
        return EnableDigest.Compute(_chain);
    }

    [BenchmarkCategory("fastLz"), Benchmark(Baseline = true, Description = "SessionGen FastLz.Compress (ENABLE payload)")]
    public byte[] FastLzCompress() => FastLz.Compress(EnablePayload);
}
