using System;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using SessionGen.Tests.Infrastructure;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.UserOperations;

public sealed class UserOpVectors : IDisposable
{
    public UserOpVectors() => Json = NodeVectors.Run("userop-vectors.mjs", "3", "1200");

    public JsonDocument Json { get; }

    public JsonElement[] Ops => Json.RootElement.GetProperty("ops").EnumerateArray().ToArray();

    public void Dispose() => Json.Dispose();
}

public class UserOperationTests(UserOpVectors vectors) : IClassFixture<UserOpVectors>
{
    internal static UserOperation ToUserOperation(JsonElement op) => new()
    {
        Sender = op.Addr("sender"),
        Nonce = op.Big("nonce"),
        Factory = op.OptionalAddr("factory"),
        FactoryData = op.OptionalBytes("factoryData"),
        CallData = op.Bytes("callData"),
        CallGasLimit = op.Big("callGasLimit"),
        VerificationGasLimit = op.Big("verificationGasLimit"),
        PreVerificationGas = op.Big("preVerificationGas"),
        MaxFeePerGas = op.Big("maxFeePerGas"),
        MaxPriorityFeePerGas = op.Big("maxPriorityFeePerGas"),
        Paymaster = op.OptionalAddr("paymaster"),
        PaymasterVerificationGasLimit = op.Big("paymasterVerificationGasLimit"),
        PaymasterPostOpGasLimit = op.Big("paymasterPostOpGasLimit"),
        PaymasterData = op.OptionalBytes("paymasterData"),
        Signature = op.Bytes("signature"),
    };

    internal static PackedUserOperation ToPacked(JsonElement packed) => new()
    {
        Sender = packed.Addr("sender"),
        Nonce = packed.Big("nonce"),
        InitCode = packed.Bytes("initCode"),
        CallData = packed.Bytes("callData"),
        AccountGasLimits = Bytes32.Parse(packed.Text("accountGasLimits")),
        PreVerificationGas = packed.Big("preVerificationGas"),
        GasFees = Bytes32.Parse(packed.Text("gasFees")),
        PaymasterAndData = packed.Bytes("paymasterAndData"),
        Signature = packed.Bytes("signature"),
    };

    [Fact]
    public void Hashes_and_packs_like_viem()
    {
        var ops = vectors.Ops;
        Assert.True(ops.Length >= 1000);
        Assert.Contains(ops, o => o.GetProperty("userOperation").TryGetProperty("factory", out _));
        Assert.Contains(ops, o => o.GetProperty("userOperation").TryGetProperty("paymaster", out _));
        foreach (var vector in ops)
        {
            var op = ToUserOperation(vector.GetProperty("userOperation"));
            var expectedPacked = ToPacked(vector.GetProperty("packed"));
            var chainId = (ulong)vector.GetProperty("chainId").GetInt64();
            var entryPoint = vector.Addr("entryPointAddress");

            var packed = op.Pack();

            Assert.Equal(expectedPacked, packed);
            Assert.Equal(vector.Text("hash"), packed.GetUserOpHash(entryPoint, chainId).ToString());
            Assert.Equal(vector.Text("hash"), op.GetUserOpHash(entryPoint, chainId).ToString());
        }
    }

    [Fact]
    public void Hash_ignores_the_signature_but_not_the_chain_or_entry_point()
    {
        var op = ToUserOperation(vectors.Ops[0].GetProperty("userOperation")).Pack();
        var hash = op.GetUserOpHash(EntryPointV07.Address, 1);
        Assert.Equal(hash, (op with { Signature = new byte[] { 1, 2, 3 } }).GetUserOpHash(EntryPointV07.Address, 1));
        Assert.NotEqual(hash, op.GetUserOpHash(EntryPointV07.Address, 2));
        Assert.NotEqual(hash, op.GetUserOpHash(Address.Zero, 1));
        Assert.Equal(hash, EntryPointV07.GetUserOpHash(op, 1));
    }

    [Fact]
    public void Encodes_handle_ops_like_viem()
    {
        var ops = vectors.Ops;
        var batches = vectors.Json.RootElement.GetProperty("handleOps").EnumerateArray().ToArray();
        Assert.True(batches.Length >= 300);
        foreach (var batch in batches)
        {
            var first = batch.GetProperty("first").GetInt32();
            var packed = ops.Skip(first).Take(batch.GetProperty("count").GetInt32()).Select(o => ToPacked(o.GetProperty("packed"))).ToList();
            Assert.Equal(batch.Text("data"), Hex.Encode(EntryPointV07.EncodeHandleOps(packed, batch.Addr("beneficiary"))));
        }
    }

    [Fact]
    public void Selectors_and_address_are_the_v07_entry_points()
    {
        Assert.Equal(Selector.FromSignature("handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)"), EntryPointV07.HandleOpsSelector);
        Assert.Equal(Selector.FromSignature("getNonce(address,uint192)"), EntryPointV07.GetNonceSelector);
        Assert.Equal("0x0000000071727De22E5E9d8BAf0edAc6f37da032", EntryPointV07.Address.ToString());
    }

    [Fact]
    public void Rejects_out_of_range_values_naming_the_field()
    {
        var tooBig = BigInteger.One << 128;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new UserOperation { Sender = Address.Zero, Nonce = 0, CallGasLimit = tooBig });
        Assert.Equal("CallGasLimit", ex.ParamName);
        Assert.Contains(tooBig.ToString(), ex.Message);
        Assert.Equal("MaxFeePerGas", Assert.Throws<ArgumentOutOfRangeException>(() => new UserOperation { Sender = Address.Zero, Nonce = 0, MaxFeePerGas = -1 }).ParamName);
        Assert.Equal("Nonce", Assert.Throws<ArgumentOutOfRangeException>(() => new PackedUserOperation { Sender = Address.Zero, Nonce = BigInteger.One << 256 }).ParamName);

        var orphanData = new UserOperation { Sender = Address.Zero, Nonce = 0, FactoryData = new byte[] { 1 } };
        Assert.Equal("FactoryData", Assert.Throws<ArgumentException>(() => orphanData.Pack()).ParamName);
        var orphanPaymaster = new UserOperation { Sender = Address.Zero, Nonce = 0, PaymasterPostOpGasLimit = 5 };
        Assert.Equal("Paymaster", Assert.Throws<ArgumentException>(() => orphanPaymaster.Pack()).ParamName);
        Assert.Throws<ArgumentException>(() => EntryPointV07.EncodeHandleOps([], Address.Zero));
    }

    [Fact]
    public void Copies_byte_fields_so_the_operation_stays_immutable()
    {
        var callData = new byte[] { 1, 2, 3 };
        var op = new PackedUserOperation { Sender = Address.Zero, Nonce = 1, CallData = callData };
        callData[0] = 9;
        Assert.Equal(1, op.CallData.Span[0]);
        Assert.Equal(op, op with { });
        Assert.NotEqual(op, op with { Signature = new byte[] { 0 } });
        Assert.Contains("CallData = 0x010203", op.ToString());
        Assert.Contains("invalid: FactoryData", new UserOperation { Sender = Address.Zero, Nonce = 0, FactoryData = new byte[] { 1 } }.ToString());
    }
}
