using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CsCheck;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using SessionGen.Execution;
using SessionGen.Protocol;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.Hardening;

/// <summary>
/// decode(encode(x)) == x with Nethereum's decoder for random values: sessions (abi.encode(session), both module
/// generations), EnableSession, ERC-7579 execute calldata (single and batch) and EntryPoint handleOps calldata.
/// The other protocol tests compare encodings; this one reads them back with an independent decoder.
/// </summary>
public sealed class DecodeRoundTripTests
{
    private const int Cases = 300;

    private const string PolicyType = """{"name":"p","type":"tuple[]","components":[{"name":"policy","type":"address"},{"name":"initData","type":"bytes"}]}""";

    private static string SessionType(SmartSessionVersion version) => $$"""
        {"name":"session","type":"tuple","components":[
          {"name":"sessionValidator","type":"address"},{"name":"sessionValidatorInitData","type":"bytes"},{"name":"salt","type":"bytes32"},
          {{PolicyType.Replace("\"p\"", "\"userOpPolicies\"")}},
          {"name":"erc7739Policies","type":"tuple","components":[
            {{(version == SmartSessionVersion.Legacy
                ? """{"name":"allowedERC7739Content","type":"string[]"}"""
                : """{"name":"allowedERC7739Content","type":"tuple[]","components":[{"name":"appDomainSeparator","type":"bytes32"},{"name":"contentName","type":"string[]"}]}""")}},
            {{PolicyType.Replace("\"p\"", "\"erc1271Policies\"")}}]},
          {"name":"actions","type":"tuple[]","components":[{"name":"actionTargetSelector","type":"bytes4"},{"name":"actionTarget","type":"address"},{{PolicyType.Replace("\"p\"", "\"actionPolicies\"")}}]}
          {{(version == SmartSessionVersion.Legacy ? string.Empty : ",{\"name\":\"permitERC4337Paymaster\",\"type\":\"bool\"}")}}]}
        """;

    private static readonly Gen<Address> AnAddress = Gen.Byte.Array[20].Select(b => new Address(b));
    private static readonly Gen<Bytes32> AWord = Gen.Byte.Array[32].Select(b => new Bytes32(b));
    private static readonly Gen<byte[]> SomeBytes = Gen.Byte.Array[0, 80];
    private static readonly Gen<string> AName = Gen.String[0, 12];
    private static readonly Gen<PolicyData> APolicy = Gen.Select(AnAddress, SomeBytes).Select((a, b) => new PolicyData(a, b));
    private static readonly Gen<PolicyData[]> Policies = APolicy.Array[0, 3];

    private static Gen<Session> ASession(SmartSessionVersion version) =>
        Gen.Select(AnAddress, SomeBytes, AWord, Policies,
                version == SmartSessionVersion.Legacy
                    ? Gen.Select(AName.Array[0, 3], Policies).Select((names, policies) => ERC7739Data.ForLegacy(names, policies))
                    : Gen.Select(Gen.Select(AWord, AName.Array[0, 3]).Select((d, n) => new ERC7739Context(d, n)).Array[0, 3], Policies).Select((c, p) => new ERC7739Data(c, p)),
                Gen.Select(Gen.UInt, AnAddress, APolicy.Array[1, 3]).Select((s, t, p) => new ActionData(t, s, p)).Array[1, 3],
                version == SmartSessionVersion.Legacy ? Gen.Const(false) : Gen.Bool)
            .Select((validator, init, salt, userOp, erc7739, actions, paymaster) => new Session(validator, init, salt, userOp, erc7739, actions, paymaster));

    [Theory]
    [InlineData(SmartSessionVersion.Current)]
    [InlineData(SmartSessionVersion.Legacy)]
    public void Sessions_read_back_equal(SmartSessionVersion version)
    {
        var parameters = Parameters(SessionType(version));
        ASession(version).Sample(session =>
        {
            var decoded = new ParameterDecoder().DecodeDefaultData(SessionAbi.Encode(session, version), parameters);
            Assert.Equal(session, ToSession((List<ParameterOutput>)decoded.Single().Result, version));
        }, iter: Cases);
    }

    [Fact]
    public void Enable_sessions_read_back_equal()
    {
        var parameters = Parameters($$"""
            {"name":"enable","type":"tuple","components":[{"name":"chainDigestIndex","type":"uint8"},
              {"name":"hashesAndChainIds","type":"tuple[]","components":[{"name":"chainId","type":"uint64"},{"name":"sessionDigest","type":"bytes32"}]},
              {{SessionType(SmartSessionVersion.Current).Replace("\"name\":\"session\"", "\"name\":\"sessionToEnable\"")}},
              {"name":"permissionEnableSig","type":"bytes"}]}
            """);
        Gen.Select(Gen.Byte, Gen.Select(Gen.ULong, AWord).Select((c, d) => new ChainDigest(c, d)).Array[1, 4], ASession(SmartSessionVersion.Current), SomeBytes)
            .Sample((random, digests, session, signature) =>
            {
                var index = (byte)(random % digests.Length);
                var enable = new EnableSession(index, digests, session, signature);
                var fields = (List<ParameterOutput>)new ParameterDecoder().DecodeDefaultData(SessionAbi.Encode(enable), parameters).Single().Result;

                Assert.Equal(index, (byte)(BigInteger)fields[0].Result);
                Assert.Equal(digests, Tuples(fields[1].Result).Select(d => new ChainDigest((ulong)(BigInteger)d[0].Result, new Bytes32((byte[])d[1].Result))));
                Assert.Equal(session, ToSession((List<ParameterOutput>)fields[2].Result, SmartSessionVersion.Current));
                Assert.Equal(signature, (byte[])fields[3].Result);
            }, iter: Cases / 3);
    }

    private static readonly Gen<Call> ACall = Gen.Select(AnAddress, Gen.Byte.Array[0, 32], Gen.Byte.Array[0, 120])
        .Select((target, value, data) => new Call(target, new BigInteger(value, isUnsigned: true), data));

    [Fact]
    public void Execute_calldata_reads_back_to_its_calls()
    {
        var execute = Parameters("""{"name":"mode","type":"bytes32"},{"name":"executionCalldata","type":"bytes"}""");
        var executions = Parameters("""{"name":"executions","type":"tuple[]","components":[{"name":"target","type":"address"},{"name":"value","type":"uint256"},{"name":"callData","type":"bytes"}]}""");
        Gen.Select(ACall.Array[1, 5], Gen.Bool).Sample((calls, batch) =>
        {
            var calldata = batch ? Erc7579Execution.EncodeExecuteBatch(calls) : Erc7579Execution.EncodeExecute(calls[0]);
            Assert.Equal(Erc7579Execution.ExecuteSelector, Selector.Parse(Hex.Encode(calldata.AsSpan(0, 4))));
            var arguments = new ParameterDecoder().DecodeDefaultData(calldata[4..], execute);
            var mode = (byte[])arguments[0].Result;
            var payload = (byte[])arguments[1].Result;

            Assert.Equal(batch ? 0x01 : 0x00, mode[0]); // call type: batch or single
            if (batch)
            {
                var decoded = Tuples(new ParameterDecoder().DecodeDefaultData(payload, executions).Single().Result)
                    .Select(e => new Call(Address.Parse((string)e[0].Result), (BigInteger)e[1].Result, (byte[])e[2].Result)).ToList();
                Assert.Equal(calls.Select(Show), decoded.Select(Show));
            }
            else
            {
                // Single executions are packed: target (20 bytes) ‖ value (32 bytes) ‖ callData.
                var decoded = new Call(new Address(payload[..20]), new BigInteger(payload.AsSpan(20, 32), isUnsigned: true, isBigEndian: true), payload[52..]);
                Assert.Equal(Show(calls[0]), Show(decoded));
            }
        }, iter: Cases);
    }

    [Fact]
    public void HandleOps_calldata_reads_back_to_its_operations()
    {
        var parameters = Parameters("""
            {"name":"ops","type":"tuple[]","components":[{"name":"sender","type":"address"},{"name":"nonce","type":"uint256"},{"name":"initCode","type":"bytes"},
              {"name":"callData","type":"bytes"},{"name":"accountGasLimits","type":"bytes32"},{"name":"preVerificationGas","type":"uint256"},{"name":"gasFees","type":"bytes32"},
              {"name":"paymasterAndData","type":"bytes"},{"name":"signature","type":"bytes"}]},{"name":"beneficiary","type":"address"}
            """);
        var operation = Gen.Select(AnAddress, Gen.Byte.Array[0, 32], SomeBytes, SomeBytes, AWord, Gen.Byte.Array[0, 32], AWord, Gen.Select(SomeBytes, SomeBytes))
            .Select((sender, nonce, init, call, limits, preVerification, fees, tail) => new PackedUserOperation
            {
                Sender = sender, Nonce = new BigInteger(nonce, isUnsigned: true), InitCode = init, CallData = call, AccountGasLimits = limits,
                PreVerificationGas = new BigInteger(preVerification, isUnsigned: true), GasFees = fees, PaymasterAndData = tail.Item1, Signature = tail.Item2,
            });
        Gen.Select(operation.Array[1, 4], AnAddress).Sample((operations, beneficiary) =>
        {
            var calldata = EntryPointV07.EncodeHandleOps(operations, beneficiary);
            Assert.Equal(EntryPointV07.HandleOpsSelector, Selector.Parse(Hex.Encode(calldata.AsSpan(0, 4))));
            var arguments = new ParameterDecoder().DecodeDefaultData(calldata[4..], parameters);
            var decoded = Tuples(arguments[0].Result).Select(o => new PackedUserOperation
            {
                Sender = Address.Parse((string)o[0].Result), Nonce = (BigInteger)o[1].Result, InitCode = (byte[])o[2].Result, CallData = (byte[])o[3].Result,
                AccountGasLimits = new Bytes32((byte[])o[4].Result), PreVerificationGas = (BigInteger)o[5].Result, GasFees = new Bytes32((byte[])o[6].Result),
                PaymasterAndData = (byte[])o[7].Result, Signature = (byte[])o[8].Result,
            }).ToList();

            Assert.Equal(operations, decoded);
            Assert.Equal(beneficiary, Address.Parse((string)arguments[1].Result));
        }, iter: Cases);
    }

    private static string Show(Call call) => $"{call.Target} {call.Value} {Hex.Encode(call.Data.Span)}";

    /// <summary>Nethereum's parameters for a list of ABI JSON parameters (read through a one-function ABI).</summary>
    private static Parameter[] Parameters(string json) =>
        new ABIJsonDeserialiser().DeserialiseContract($$"""[{"type":"function","name":"f","inputs":[{{json}}],"outputs":[],"stateMutability":"nonpayable"}]""")
            .Functions.Single().InputParameters;

    private static Session ToSession(List<ParameterOutput> fields, SmartSessionVersion version)
    {
        var erc7739 = (List<ParameterOutput>)fields[4].Result;
        return new Session(
            Address.Parse((string)fields[0].Result),
            (byte[])fields[1].Result,
            new Bytes32((byte[])fields[2].Result),
            ToPolicies(fields[3].Result),
            version == SmartSessionVersion.Legacy
                ? ERC7739Data.ForLegacy((List<string>)erc7739[0].Result, ToPolicies(erc7739[1].Result))
                : new ERC7739Data(Tuples(erc7739[0].Result).Select(c => new ERC7739Context(new Bytes32((byte[])c[0].Result), (List<string>)c[1].Result)), ToPolicies(erc7739[1].Result)),
            Tuples(fields[5].Result).Select(a => new ActionData(Address.Parse((string)a[1].Result), new Selector(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian((byte[])a[0].Result)), ToPolicies(a[2].Result))),
            version != SmartSessionVersion.Legacy && (bool)fields[6].Result);
    }

    /// <summary>An array of tuples as Nethereum decodes it: one field list per element.</summary>
    private static IEnumerable<List<ParameterOutput>> Tuples(object decoded) => ((System.Collections.IEnumerable)decoded).Cast<List<ParameterOutput>>();

    private static List<PolicyData> ToPolicies(object decoded) =>
        Tuples(decoded).Select(p => new PolicyData(Address.Parse((string)p[0].Result), (byte[])p[1].Result)).ToList();
}
