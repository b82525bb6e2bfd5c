using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SessionGen.Tests.Infrastructure;
using SessionGen.Transport;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.UserOperations;

/// <summary>The ERC-7677 requests <see cref="PaymasterClient"/> sends and the answers it reads, against a fake service.</summary>
public sealed class PaymasterClientTests
{
    private static readonly Address Paymaster = Address.Parse("0x00000000000000000000000000000000000000bb");
    private static readonly Address EntryPoint = Address.Parse("0x0000000071727de22e5e9d8baf0edac6f37da032");
    private static readonly UserOperation Operation = new() { Sender = Address.Parse("0x00000000000000000000000000000000000000aa"), Nonce = 7 };

    private static FakeRpc Service() => new((_, id) => Task.FromResult((200,
        $$"""{"jsonrpc":"2.0","id":{{id}},"result":{"paymaster":"{{Paymaster}}","paymasterData":"0x0102","paymasterVerificationGasLimit":"0x186a0","isFinal":true} }""")));

    [Fact]
    public async Task Sends_the_operation_entry_point_chain_and_context_and_reads_the_fields()
    {
        using var service = Service();
        var context = new JsonObject { ["sponsorshipPolicyId"] = "sp_test" };
        var client = new PaymasterClient(service.Client(), context);
        context["sponsorshipPolicyId"] = "changed later"; // taken as it was when the client was made

        var fields = await client.GetStubDataAsync(Operation, EntryPoint, 31337);

        Assert.Equal(Paymaster, fields.Paymaster);
        Assert.Equal(new byte[] { 1, 2 }, fields.PaymasterData.ToArray());
        Assert.Equal(100_000, fields.PaymasterVerificationGasLimit);
        Assert.Null(fields.PaymasterPostOpGasLimit);
        Assert.True(fields.IsFinal);
        var request = Assert.Single(service.Requests);
        Assert.Equal("pm_getPaymasterStubData", request.GetProperty("method").GetString());
        var parameters = request.GetProperty("params").EnumerateArray().ToArray();
        Assert.Equal(Operation.Sender.ToString(), parameters[0].GetProperty("sender").GetString());
        Assert.Equal("0x7", parameters[0].GetProperty("nonce").GetString());
        Assert.Equal(EntryPoint.ToString(), parameters[1].GetString());
        Assert.Equal("0x7a69", parameters[2].GetString());
        Assert.Equal("sp_test", parameters[3].GetProperty("sponsorshipPolicyId").GetString());
        Assert.Equal("sp_test", (string?)client.Context!["sponsorshipPolicyId"]);
        client.Context!["sponsorshipPolicyId"] = "changed through the property";
        Assert.Equal("sp_test", (string?)client.Context!["sponsorshipPolicyId"]);
    }

    [Fact]
    public async Task Without_a_context_sends_an_empty_object()
    {
        using var service = Service();
        var client = new PaymasterClient(service.Client());

        await client.GetDataAsync(Operation, EntryPoint, 1);

        Assert.Null(client.Context);
        var request = Assert.Single(service.Requests);
        Assert.Equal("pm_getPaymasterData", request.GetProperty("method").GetString());
        Assert.Empty(request.GetProperty("params")[3].EnumerateObject());
    }

    [Fact]
    public void The_fields_JSON_form_is_the_ERC7677_result_object()
    {
        var json = JsonNode.Parse(new PaymasterFields(Paymaster, new byte[] { 0xab }, 5, null, IsFinal: true).ToJson())!.AsObject();

        Assert.Equal(Paymaster.ToString(), (string?)json["paymaster"]);
        Assert.Equal("0xab", (string?)json["paymasterData"]);
        Assert.Equal("0x5", (string?)json["paymasterVerificationGasLimit"]);
        Assert.False(json.ContainsKey("paymasterPostOpGasLimit"));
        Assert.True((bool?)json["isFinal"]);
    }
}
