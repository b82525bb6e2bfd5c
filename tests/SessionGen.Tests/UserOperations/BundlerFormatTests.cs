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
            var ours = JsonDocument.Parse(BundlerClient.ToJson(UserOperationTests.ToUserOperation(op.GetProperty("userOperation"))).ToString()).RootElement;
            var viem = op.GetProperty("rpc");
            var viemFields = viem.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!.ToLowerInvariant());
            var ourFields = ours.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!.ToLowerInvariant());
            Assert.Equal(viemFields.OrderBy(p => p.Key), ourFields.OrderBy(p => p.Key));
            compared++;
        }

        Assert.True(compared >= 1000);
    }

    [Theory]
    [InlineData(19, 0)]
    [InlineData(0, 51)]
    public void Unpacking_a_truncated_factory_or_paymaster_field_is_a_format_error(int initCodeLength, int paymasterLength)
    {
        var packed = new PackedUserOperation { Sender = Address.Zero, Nonce = 0, InitCode = new byte[initCodeLength], PaymasterAndData = new byte[paymasterLength] };
        Assert.Throws<System.FormatException>(() => packed.Unpack());
    }
}
