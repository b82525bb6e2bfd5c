using System;
using System.Threading.Tasks;
using SessionGen.Protocol;
using SessionGen.Transport;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// What the chain said about one step, in words that do not depend on the deployment: the same text on the fixture
/// devnet (legacy SmartSession, the devnet's policies) and on the upstream one (current SmartSession, the real policies),
/// so that the two can be compared. Policies are named by their role, policy errors by their name.
/// </summary>
internal static class ChainOutcome
{
    public const string Ok = "ok";

    /// <summary>Runs a step and names its outcome: <see cref="Ok"/>, or how the chain refused it.</summary>
    public static async Task<string> OfAsync(Func<Task> step, PolicyAddresses policies)
    {
        try
        {
            await step();
            return Ok;
        }
        catch (UserOperationRejectedException rejected)
        {
            return Rejection(rejected.Error, policies);
        }
        catch (UserOperationFailedException failed)
        {
            return "execution reverted: " + ErrorName(failed.Receipt.RevertReason.Span);
        }
    }

    /// <summary>A validation-phase refusal: the EntryPoint's own reason (AA2x) or the SmartSession's inner error.</summary>
    private static string Rejection(ContractError error, PolicyAddresses policies)
    {
        if (error.Name == "FailedOp")
        {
            return error.Arguments[1].Trim('"');
        }

        var root = error.Root;
        if (ReferenceEquals(root, error))
        {
            return $"{error.Arguments[1].Trim('"')}: {(error.Arguments[2] == "0x" ? "empty revert" : error.Arguments[2])}";
        }

        // Only the first 32 bytes of a reverting policy's error reach the caller: the runtime names it by its selector.
        var reverted = error.Inner;
        if (reverted?.Name == "PolicyCheckReverted")
        {
            return $"PolicyCheckReverted({reverted.Inner?.Name ?? "empty revert"})";
        }

        return root.Name == "PolicyViolation"
            ? $"PolicyViolation({PolicyRole(Address.Parse(root.Arguments[1]), policies)})"
            : root.Name;
    }

    private static string ErrorName(ReadOnlySpan<byte> revert) => ContractError.Decode(revert)?.Name ?? "empty revert";

    private static string PolicyRole(Address policy, PolicyAddresses policies) =>
        policy == policies.ERC20SpendingLimit ? nameof(PolicyAddresses.ERC20SpendingLimit)
        : policy == policies.TimeFrame ? nameof(PolicyAddresses.TimeFrame)
        : policy == policies.UsageLimit ? nameof(PolicyAddresses.UsageLimit)
        : policy == policies.ValueLimit ? nameof(PolicyAddresses.ValueLimit)
        : policy == policies.UniversalAction ? nameof(PolicyAddresses.UniversalAction)
        : policy == policies.Sudo ? nameof(PolicyAddresses.Sudo)
        : policy.ToString();
}
