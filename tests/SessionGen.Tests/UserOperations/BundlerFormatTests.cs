using System.Linq;
using System.Text.Json;
using SessionGen.Transport;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.UserOperations;

/// <summary>The unpacked form a bundler takes: <see cref="PackedUserOperation.Unpack"/> and <see cref="BundlerClient.ToJson"/> against viem.</summary>
public class BundlerFormatTests(UserOpVectors vectors) : IClassFixture<UserOpVectors>
{
    [Fact]
    public void Unpacking_viem_packed_operations_gives_the_original_operation()
    {
        var ops = vectors.Ops;
        Assert.True(ops.Length >= 1000);
        foreach (var op in ops)
        {
            var unpacked = UserOperationTests.ToPacked(op.GetProperty("packed")).Unpack();
            Assert.Equal(UserOperationTests.ToUserOperation(op.GetProperty("userOperation")), unpacked);
            Assert.Equal(UserOperationTests.ToPacked(op.GetProperty("packed")), unpacked.Pack());
        }
    }

    [Fact]
    public void The_eth_sendUserOperation_form_equals_viems_formatUserOperationRequest()
    {
        var compared = 0;
        foreach (var op in vectors.Ops)
        {
            var ours = JsonDocument.Parse(BundlerClient.ToJson(UserOperationTests.ToUserOperation(op.GetProperty("userOperation")))).RootElement;
            var viem = op.GetProperty("rpc");
            var viemFields = viem.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!.ToLowerInvariant());
            var ourFields = ours.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!.ToLowerInvariant());
            Assert.Equal(viemFields.OrderBy(p => p.Key), ourFields.OrderBy(p => p.Key));
            compared++;
        }

        Assert.True(compared >= 1000);
    }

    [Fact]
    public void FromJson_reads_back_what_ToJson_writes()
    {
        foreach (var op in vectors.Ops.Take(300))
        {
            var operation = UserOperationTests.ToUserOperation(op.GetProperty("userOperation"));
            Assert.Equal(operation, BundlerClient.FromJson(BundlerClient.ToJson(operation)));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("""{"sender":"0x12","nonce":"0x0","callData":"0x"}""")]
    public void FromJson_of_something_else_is_a_format_error(string json) =>
        Assert.Throws<System.FormatException>(() => BundlerClient.FromJson(json));

    [Theory]
    [InlineData(19, 0)]
    [InlineData(0, 51)]
    public void Unpacking_a_truncated_factory_or_paymaster_field_is_a_format_error(int initCodeLength, int paymasterLength)
    {
        var packed = new PackedUserOperation { Sender = Address.Zero, Nonce = 0, InitCode = new byte[initCodeLength], PaymasterAndData = new byte[paymasterLength] };
        Assert.Throws<System.FormatException>(() => packed.Unpack());
    }
}
