using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;
using SessionGen.Signing;
using SessionGen.Tests.Infrastructure;
using SessionGen.Transport;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.Hardening;

/// <summary>
/// <see cref="EntryPointClient"/> in bundler mode, against two fakes on 127.0.0.1: the chain's node (reads and the
/// simulation) and an ERC-4337 bundler (<c>eth_sendUserOperation</c>, <c>eth_getUserOperationReceipt</c>).
/// </summary>
public sealed class BundlerTransportTests
{
    private const string TxHash = "0x00000000000000000000000000000000000000000000000000000000000000bb";
    private static readonly PackedUserOperation Operation = new UserOperation
    {
        Sender = Address.Parse("0x1111111111111111111111111111111111111111"),
        Nonce = 7,
        Factory = Address.Parse("0x2222222222222222222222222222222222222222"),
        FactoryData = new byte[] { 1, 2, 3 },
        CallData = new byte[] { 0xe9, 0xae, 0x5c, 0x53 },
        CallGasLimit = 100_000,
        VerificationGasLimit = 500_000,
        PreVerificationGas = 50_000,
        MaxFeePerGas = 2_000_000_000,
        MaxPriorityFeePerGas = 1_000_000_000,
        Signature = new byte[65],
    }.Pack();

    private static string Ok(string id, string result) => $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{result}}}";

    [Fact]
    public async Task Sends_the_v07_operation_to_the_bundler_and_reads_its_receipt()
    {
        using var node = new FakeRpc((method, id) => Task.FromResult((200, Ok(id, "\"0x\"")))); // the simulation accepts it
        var client = new EntryPointClient(node.Client(), 31337, new BundlerClient(new RpcClient(new Uri("http://127.0.0.1:1/"))));
        var hash = client.GetUserOpHash(Operation);
        var polls = 0;
        using var bundler = new FakeRpc((method, id) => Task.FromResult((200, method switch
        {
            "eth_sendUserOperation" => Ok(id, $"\"{hash}\""),
            "eth_getUserOperationReceipt" when ++polls < 3 => Ok(id, "null"), // not mined yet
            _ => Ok(id, $"{{\"userOpHash\":\"{hash}\",\"sender\":\"{Operation.Sender}\",\"nonce\":\"0x7\",\"success\":true,\"actualGasCost\":\"0x2386f26fc10000\",\"actualGasUsed\":\"0x30d40\",\"reason\":\"0x\",\"receipt\":{{\"transactionHash\":\"{TxHash}\",\"gasUsed\":\"0x2bf20\"}}}}"),
        })));
        client = new EntryPointClient(node.Client(), 31337, new BundlerClient(JsonRpc.Connect(bundler.Uri)) { ReceiptPollInterval = TimeSpan.FromMilliseconds(5) });

        var receipt = await client.SendAsync(Operation);

        Assert.True(receipt.Success);
        Assert.Equal(hash, receipt.UserOpHash);
        Assert.Equal(Operation.Sender, receipt.Sender);
        Assert.Equal(7, (int)receipt.Nonce);
        Assert.Equal(200_000, (int)receipt.ActualGasUsed);
        Assert.Equal(180_000, (int)receipt.TransactionGasUsed);
        Assert.Equal(Bytes32.Parse(TxHash), receipt.TransactionHash);
        Assert.Equal(0, node.Count("eth_call"));                  // the bundler validates it (its refusal is decoded)
        Assert.Equal(0, node.Count("eth_sendRawTransaction"));    // never sent by this client itself
        // What a strict server (alto) accepts: numeric ids and the plain media type.
        Assert.All(bundler.Requests, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("id").ValueKind));
        Assert.All(bundler.ContentTypes, c => Assert.Equal("application/json", c));
        var sent = bundler.Requests.Single(r => r.GetProperty("method").GetString() == "eth_sendUserOperation").GetProperty("params");
        Assert.Equal(EntryPointV07.Address.ToString(), sent[1].GetString());
        var op = sent[0];
        Assert.Equal(Operation.Sender.ToString(), op.GetProperty("sender").GetString());
        Assert.Equal("0x7", op.GetProperty("nonce").GetString());
        Assert.Equal("0x2222222222222222222222222222222222222222", op.GetProperty("factory").GetString()!.ToLowerInvariant());
        Assert.Equal("0x010203", op.GetProperty("factoryData").GetString());
        Assert.Equal("0x7a120", op.GetProperty("verificationGasLimit").GetString());
        Assert.False(op.TryGetProperty("paymaster", out _));
    }

    [Fact]
    public async Task A_bundler_that_answers_another_hash_is_refused()
    {
        using var node = new FakeRpc((method, id) => Task.FromResult((200, Ok(id, "\"0x\""))));
        using var bundler = new FakeRpc((method, id) => Task.FromResult((200, Ok(id, $"\"{TxHash}\""))));
        var client = new EntryPointClient(node.Client(), 31337, new BundlerClient(bundler.Client()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(Operation));

        Assert.Contains("another EntryPoint or chain", error.Message);
        Assert.Equal(0, bundler.Count("eth_getUserOperationReceipt"));
    }

    [Theory]
    // A bundler's (alto's) refusals, and what the EntryPoint reverts with for the same operation (ABI-encoded by hand).
    [InlineData(-32500, "UserOperation reverted with reason: AA23 reverted 0x3b577361a51344448231c6102cfd9182dadeb4009ddb1caebae208eafc97edf0bf520914000000000000000000000000000000000000000000000000000000000000abcd",
        "0x65c8fd4d0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006000000000000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000d414132332072657665727465640000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000443b577361a51344448231c6102cfd9182dadeb4009ddb1caebae208eafc97edf0bf520914000000000000000000000000000000000000000000000000000000000000abcd00000000000000000000000000000000000000000000000000000000")]
    [InlineData(-32500, "UserOperation reverted with reason: AA21 didn't pay prefund",
        "0x220266b600000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000000000001741413231206469646e2774207061792070726566756e64000000000000000000")]
    [InlineData(-32507, "Invalid UserOp signature",
        "0x220266b600000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000000000001441413234207369676e6174757265206572726f72000000000000000000000000")]
    [InlineData(-32503, "expires too soon",
        "0x220266b6000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000400000000000000000000000000000000000000000000000000000000000000017414132322065787069726564206f72206e6f7420647565000000000000000000")]
    public async Task A_bundlers_validation_refusal_is_the_EntryPoints_rejection_with_the_same_decoded_reason(int code, string message, string entryPointRevert)
    {
        using var node = new FakeRpc((method, id) => Task.FromResult((200, Ok(id, "\"0x\""))));
        using var bundler = new FakeRpc((method, id) => Task.FromResult((200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":{code},\"message\":\"{message}\"}}}}")));
        var client = new EntryPointClient(node.Client(), 31337, new BundlerClient(bundler.Client()));

        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => client.SendAsync(Operation));

        var direct = ContractError.Decode(Hex.Decode(entryPointRevert))!;
        Assert.Equal(direct.ToString(), rejected.Error.ToString());
        Assert.Equal(direct.Root.Name, rejected.Error.Root.Name);
        Assert.Equal(client.GetUserOpHash(Operation), rejected.UserOpHash);
        Assert.Equal(code, Assert.IsType<RpcResponseException>(rejected.InnerException).RpcError.Code);
        Assert.Equal(1, bundler.Count("eth_sendUserOperation"));
    }

    [Fact]
    public async Task A_bundlers_refusal_that_is_not_a_validation_refusal_keeps_its_code_and_message()
    {
        using var node = new FakeRpc((method, id) => Task.FromResult((200, Ok(id, "\"0x\""))));
        using var bundler = new FakeRpc((method, id) => Task.FromResult((200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32602,\"message\":\"Validation error: Expected number at nonce\"}}}}")));
        var client = new EntryPointClient(node.Client(), 31337, new BundlerClient(bundler.Client()));

        var error = await Assert.ThrowsAsync<RpcResponseException>(() => client.SendAsync(Operation));

        Assert.Equal(-32602, error.RpcError.Code);
        Assert.Contains("Expected number", error.Message);
    }

    [Fact]
    public async Task A_failed_execution_in_the_bundlers_receipt_is_a_UserOperationFailedException()
    {
        using var node = new FakeRpc((method, id) => Task.FromResult((200, Ok(id, "\"0x\""))));
        var hash = new EntryPointClient(node.Client(), 31337, new BundlerClient(node.Client())).GetUserOpHash(Operation);
        using var bundler = new FakeRpc((method, id) => Task.FromResult((200, method == "eth_sendUserOperation"
            ? Ok(id, $"\"{hash}\"")
            : Ok(id, $"{{\"userOpHash\":\"{hash}\",\"sender\":\"{Operation.Sender}\",\"nonce\":\"0x7\",\"success\":false,\"actualGasCost\":\"0x1\",\"actualGasUsed\":\"0x1\",\"reason\":\"0x\",\"receipt\":{{\"transactionHash\":\"{TxHash}\",\"gasUsed\":\"0x1\"}}}}"))));
        var client = new EntryPointClient(node.Client(), 31337, new BundlerClient(bundler.Client()));

        var failed = await Assert.ThrowsAsync<UserOperationFailedException>(() => client.SendAsync(Operation));

        Assert.False(failed.Receipt.Success);
        Assert.Equal(Bytes32.Parse(TxHash), failed.Receipt.TransactionHash);
    }
}
