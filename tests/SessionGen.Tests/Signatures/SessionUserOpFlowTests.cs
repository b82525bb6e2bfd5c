using System.Numerics;
using SessionGen.Abi;
using SessionGen.Execution;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.Signatures;

/// <summary>
/// The whole off-chain path of one ENABLE-then-use user operation on the ERC-7579 reference account, checking that every
/// piece can be read back: the three signing conventions (DESIGN.md §5.1), the nonce key, the execute calldata.
/// </summary>
public class SessionUserOpFlowTests
{
    private const ulong ChainId = 31337;

    [Theory]
    [InlineData(SmartSessionVersion.Current)]
    [InlineData(SmartSessionVersion.Legacy)]
    public void Builds_signs_and_reads_back_an_enable_mode_user_operation(SmartSessionVersion version)
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var deployment = SmartSessionDeployment.For(version);
        var account = Address.Parse("0x1111111111111111111111111111111111111111");
        var usdc = Address.Parse("0x2222222222222222222222222222222222222222");
        var transfer = Selector.FromSignature("transfer(address,uint256)");
        var session = new Session(
            deployment.OwnableValidator,
            SessionValidatorInitData.Ownable(1, sessionKey.Address),
            Keccak256.Hash("salt"),
            [],
            ERC7739Data.None,
            [new ActionData(usdc, transfer, Policies.Sudo(deployment.Policies))]);

        // The owner approves the session: a raw signature over the enable digest, prefixed with the owner validator.
        var chainDigest = EnableDigest.ForChain(ChainId, session, account, nonce: 0, deployment: deployment);
        var digest = EnableDigest.Compute([chainDigest], version);
        var ownerValidator = Address.Parse("0x3333333333333333333333333333333333333333");
        var ownerSignature = owner.SignHash(digest);
        var enable = new EnableSession(0, [chainDigest], session, AccountKind.Erc7579Reference.FormatErc1271Signature(ownerValidator, ownerSignature.ToArray()));

        // The app builds the operation: SmartSession is the validator (nonce key), the call goes through execute().
        var calldata = new byte[4 + 64];
        transfer.WriteTo(calldata);
        var arguments = new AbiWriter(calldata, 4, 64);
        arguments.WriteAddress(Address.Parse("0x4444444444444444444444444444444444444444"));
        arguments.WriteUInt(new BigInteger(100_000_000));
        var op = new UserOperation
        {
            Sender = account,
            Nonce = AccountKind.Erc7579Reference.GetNonce(deployment.SmartSession, 0),
            CallData = Erc7579Execution.EncodeExecute(Call.To(usdc, calldata)),
            CallGasLimit = 1_000_000,
            VerificationGasLimit = 1_500_000,
            PreVerificationGas = 100_000,
            MaxFeePerGas = 2_000_000_000,
            MaxPriorityFeePerGas = 1_000_000_000,
        }.Pack();

        // The session key signs the raw user-op hash.
        var userOpHash = op.GetUserOpHash(EntryPointV07.Address, ChainId);
        var signed = op with { Signature = SessionSignature.EncodeEnable(enable, sessionKey.SignHash(userOpHash).ToArray(), version) };
        var handleOps = EntryPointV07.EncodeHandleOps([signed], owner.Address);

        Assert.Equal(userOpHash, signed.GetUserOpHash(EntryPointV07.Address, ChainId));
        Assert.Equal(deployment.SmartSession, AccountKind.Erc7579Reference.GetValidator(signed.Nonce));
        var decoded = SessionSignature.Decode(signed.Signature.Span, version);
        Assert.Equal(SmartSessionMode.Enable, decoded.Mode);
        Assert.Equal(session.PermissionId, decoded.PermissionId);
        Assert.Equal(sessionKey.Address, EcdsaSignature.FromBytes(decoded.Signature.Span).RecoverAddress(userOpHash));
        Assert.Equal(owner.Address, ownerSignature.RecoverAddress(digest));
        Assert.Equal(SessionAbi.Encode(enable, version), decoded.EnableSession.ToArray());
        Assert.Equal(EntryPointV07.HandleOpsSelector, new Call(EntryPointV07.Address, 0, handleOps).Selector);

        // Once enabled, later operations use USE mode with the same key and convention.
        var next = op with { Nonce = AccountKind.Erc7579Reference.GetNonce(deployment.SmartSession, 1) };
        var nextHash = next.GetUserOpHash(EntryPointV07.Address, ChainId);
        var use = SessionSignature.Decode(SessionSignature.EncodeUse(session.PermissionId, sessionKey.SignHash(nextHash).ToArray(), version), version);
        Assert.Equal(sessionKey.Address, EcdsaSignature.FromBytes(use.Signature.Span).RecoverAddress(nextHash));

        // The owner's own user operations are eth_sign signatures of the user-op hash.
        var ownerOp = owner.SignHash(Eip191.HashMessage(userOpHash));
        Assert.Equal(owner.Address, ownerOp.RecoverAddress(Eip191.HashMessage(userOpHash)));
    }
}
