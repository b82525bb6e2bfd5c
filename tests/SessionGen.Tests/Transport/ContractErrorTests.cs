using System.Linq;
using System.Numerics;
using Nethereum.ABI;
using SessionGen.Transport;
using Xunit;

namespace SessionGen.Tests.Transport;

public sealed class ContractErrorTests
{
    private static readonly Bytes32 PermissionId = Bytes32.Parse("0x" + new string('a', 64));
    private static readonly Address Policy = Address.Parse("0x00000000000000000000000000000000000000b0");

    // Error data built with Nethereum's ABI encoder: an implementation independent of the decoder.
    private static byte[] Error(string signature, params ABIValue[] args) =>
        [.. Selector.FromSignature(signature).ToArray(), .. new ABIEncode().GetABIEncoded(args)];

    [Theory]
    [InlineData("FailedOp(uint256,string)", 0x220266b6u)]
    [InlineData("FailedOpWithRevert(uint256,string,bytes)", 0x65c8fd4du)]
    [InlineData("PolicyViolation(bytes32,address)", 0x3b577361u)]
    [InlineData("NoPoliciesSet(bytes32)", 0x1c792c05u)]
    [InlineData("InvalidPermissionId(bytes32)", 0x526d0da5u)]
    [InlineData("InvalidEnableSignature(address,bytes32)", 0x3ca8ef0cu)]
    [InlineData("InvalidISessionValidator(address)", 0xa7eae112u)]
    [InlineData("UnsupportedPolicy(address)", 0x6a01dd01u)]
    public void Selectors_are_the_ones_seen_on_chain(string signature, uint selector) =>
        Assert.Equal(new Selector(selector), Selector.FromSignature(signature));

    [Fact]
    public void FailedOpWithRevert_is_decoded_down_to_the_policy_violation()
    {
        var inner = Error("PolicyViolation(bytes32,address)", new ABIValue("bytes32", PermissionId.ToArray()), new ABIValue("address", Policy.ToString()));
        var data = Error("FailedOpWithRevert(uint256,string,bytes)", new ABIValue("uint256", BigInteger.Zero), new ABIValue("string", "AA23 reverted"), new ABIValue("bytes", inner));

        var error = ContractError.Decode(data)!;

        Assert.Equal("FailedOpWithRevert", error.Name);
        Assert.Equal(["0", "\"AA23 reverted\""], error.Arguments.Take(2));
        Assert.Equal("PolicyViolation", error.Root.Name);
        Assert.Equal([PermissionId.ToString(), Policy.ToString()], error.Root.Arguments);
        Assert.Equal($"FailedOpWithRevert(0, \"AA23 reverted\", PolicyViolation({PermissionId}, {Policy}))", error.ToString());
        Assert.Equal(data, error.Data.ToArray());
    }

    [Fact]
    public void A_reverting_policy_is_named_from_the_32_bytes_PolicyCheckReverted_keeps()
    {
        // The policy's full revert; the SmartSession keeps its first 32 bytes (selector + 28 bytes of the first argument).
        var policyRevert = Error("ValueLimitExceeded(bytes32,uint256,uint256)", new ABIValue("bytes32", PermissionId.ToArray()), new ABIValue("uint256", new BigInteger(101)), new ABIValue("uint256", new BigInteger(100)));
        var inner = Error("PolicyCheckReverted(bytes32)", new ABIValue("bytes32", policyRevert[..32]));
        var data = Error("FailedOpWithRevert(uint256,string,bytes)", new ABIValue("uint256", BigInteger.Zero), new ABIValue("string", "AA23 reverted"), new ABIValue("bytes", inner));

        var error = ContractError.Decode(data)!;

        Assert.Equal("PolicyCheckReverted", error.Inner!.Name);
        Assert.Equal("ValueLimitExceeded", error.Root.Name);
        Assert.Equal(Selector.FromSignature("ValueLimitExceeded(bytes32,uint256,uint256)"), error.Root.Selector);
        Assert.Equal(["0x" + new string('a', 56) + "…"], error.Root.Arguments);
    }

    [Fact]
    public void A_policy_that_reverted_without_data_has_no_named_error()
    {
        var error = ContractError.Decode(Error("PolicyCheckReverted(bytes32)", new ABIValue("bytes32", new byte[32])))!;
        Assert.Equal("PolicyCheckReverted", error.Name);
        Assert.Null(error.Inner);
    }

    [Fact]
    public void FailedOp_with_an_entry_point_reason()
    {
        var error = ContractError.Decode(Error("FailedOp(uint256,string)", new ABIValue("uint256", new BigInteger(3)), new ABIValue("string", "AA22 expired or not due")))!;
        Assert.Same(error, error.Root);
        Assert.Equal("FailedOp(3, \"AA22 expired or not due\")", error.ToString());
    }

    [Fact]
    public void An_empty_inner_revert_has_no_inner_error()
    {
        var error = ContractError.Decode(Error("FailedOpWithRevert(uint256,string,bytes)", new ABIValue("uint256", BigInteger.Zero), new ABIValue("string", "AA23 reverted"), new ABIValue("bytes", new byte[0])))!;
        Assert.Null(error.Inner);
        Assert.Equal("FailedOpWithRevert(0, \"AA23 reverted\", 0x)", error.ToString());
    }

    [Fact]
    public void Unknown_short_and_truncated_data()
    {
        Assert.Null(ContractError.Decode([]));
        Assert.Null(ContractError.Decode([1, 2, 3]));
        var unknown = ContractError.Decode([0xde, 0xad, 0xbe, 0xef, 0x01])!;
        Assert.Equal("0xdeadbeef", unknown.Name);
        Assert.Equal(["0x01"], unknown.Arguments);
        // A FailedOp whose string offset points past the end is shown raw, not thrown on.
        var truncated = Error("FailedOp(uint256,string)", new ABIValue("uint256", BigInteger.One), new ABIValue("string", "AA21 didn't pay prefund"))[..(4 + 64)];
        Assert.Equal("0x220266b6", ContractError.Decode(truncated)!.Name);
    }
}
