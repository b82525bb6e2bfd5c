namespace SessionGen.Generators.Diagnostics;

/// <summary>Session declarations (110–119) and session policies (201–2xx).</summary>
internal static partial class DiagnosticIds
{
    public const string InvalidAmountLiteral = "SESSGEN110";
    public const string UnknownFunction = "SESSGEN111";
    public const string AmbiguousFunction = "SESSGEN112";
    public const string InvalidRuleParameter = "SESSGEN113";
    public const string ParamRuleWithoutAction = "SESSGEN114";
    public const string InvalidExpiry = "SESSGEN115";
    public const string DuplicateAction = "SESSGEN116";
    public const string SessionClassNotPartial = "SESSGEN117";
    public const string MissingContract = "SESSGEN118";
    public const string InvalidRange = "SESSGEN119";
    public const string InvalidBind = "SESSGEN120";

    public const string SessionWithoutActions = "SESSGEN201";
    public const string SessionWithoutExpiry = "SESSGEN202";
    public const string ActionWithoutLimit = "SESSGEN203";
    public const string SpendingLimitNotErc20 = "SESSGEN204";
    public const string SudoOptIn = "SESSGEN205";
    public const string InvalidMaxUses = "SESSGEN206";
    public const string InvalidTokenDisplay = "SESSGEN207";
    public const string ZeroLimit = "SESSGEN208";
    public const string PayableWithoutValueLimit = "SESSGEN209";
    public const string UnsatisfiableRule = "SESSGEN210";
    public const string UnpinnedApproval = "SESSGEN211";
    public const string UnpinnedRecipient = "SESSGEN212";
}
