using Microsoft.CodeAnalysis;

namespace SessionGen.Generators.Diagnostics;

/// <summary>Descriptors of the session analyzers. Messages say what is wrong and how to fix it.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor InvalidAmountLiteral = Create(
        DiagnosticIds.InvalidAmountLiteral,
        "Invalid amount literal",
        "{0} '{1}' is not a valid amount: {2}. Write an exact integer in the smallest unit, e.g. \"100e6\", \"1_000_000\" or \"0x5f5e100\".",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownFunction = Create(
        DiagnosticIds.UnknownFunction,
        "Unknown function",
        "The ABI of {0} has no function '{1}'{2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AmbiguousFunction = Create(
        DiagnosticIds.AmbiguousFunction,
        "Ambiguous overloaded function",
        "'{0}' is overloaded in the ABI of {1}; write the canonical signature of the one to permit: {2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidRuleParameter = Create(
        DiagnosticIds.InvalidRuleParameter,
        "Parameter rule on an unusable parameter",
        "Function '{0}' {1}; a parameter rule needs a parameter of a static type (uintN, intN, address, bool, bytesN){2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ParamRuleWithoutAction = Create(
        DiagnosticIds.ParamRuleWithoutAction,
        "Parameter rule for a function that is not permitted",
        "The parameter rule applies to '{0}', which has no [SessionAction]; add [SessionAction(\"{0}\")] or remove the rule",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidExpiry = Create(
        DiagnosticIds.InvalidExpiry,
        "Invalid session expiry",
        "The session expiry {0}; set Days, Hours or Minutes to a positive total and StartsAfterMinutes to zero or more",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateAction = Create(
        DiagnosticIds.DuplicateAction,
        "Duplicate session action",
        "'{0}' on {1} is already permitted by another [SessionAction]; merge the limits into one attribute",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMaxUses = Create(
        DiagnosticIds.InvalidMaxUses,
        "MaxUses must be positive",
        "MaxUses = {0} on '{1}' would forbid every call; set a positive number of uses or remove the action",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SessionClassNotPartial = Create(
        DiagnosticIds.SessionClassNotPartial,
        "Session class must be partial",
        "'{0}' must be declared partial so that SessionGen can add CreateSession, Describe and Calls to it",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingContract = Create(
        DiagnosticIds.MissingContract,
        "Action without a contract ABI",
        "{0}; put [ContractAbi(\"abis/….json\")] on the class, or set Contract = typeof(SomeContract) to a class that has one",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidRange = Create(
        DiagnosticIds.InvalidRange,
        "Invalid range in a parameter rule",
        "The rule on '{0}.{1}' {2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SessionWithoutActions = Create(
        DiagnosticIds.SessionWithoutActions,
        "Session without actions",
        "Session '{0}' permits no action, so the session key can do nothing with it; add [SessionAction(\"function\", …)]",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SessionWithoutExpiry = Create(
        DiagnosticIds.SessionWithoutExpiry,
        "Session without expiry",
        "Session '{0}' never expires: a leaked session key stays usable forever; add [SessionExpiry(Days = 7)] or a shorter time",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ActionWithoutLimit = Create(
        DiagnosticIds.ActionWithoutLimit,
        "Session action without a limit",
        "'{0}' has no limit: the session key may call it without bound until the session expires; set SpendingLimit, MaxUses or ValueLimit, add a [ParamRule], or set Sudo = true to make unrestricted use explicit",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SpendingLimitNotErc20 = Create(
        DiagnosticIds.SpendingLimitNotErc20,
        "SpendingLimit on a function that is not an ERC-20 transfer",
        "SpendingLimit is enforced by the ERC-20 spending-limit policy, which only understands transfer, approve and transferFrom, not '{0}'; {1}",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SudoOptIn = Create(
        DiagnosticIds.SudoOptIn,
        "Unrestricted session action",
        "'{0}' is permitted without any on-chain check (Sudo = true): the session key may call it any number of times with any arguments until the session expires; prefer a limit if one fits",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidTokenDisplay = Create(
        DiagnosticIds.InvalidTokenDisplay,
        "Invalid token display",
        "[TokenDisplay] on '{0}' {1}; give a non-empty symbol and the token's decimals (0 to 77), as in [TokenDisplay(\"USDC\", 6)]",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidBind = Create(
        DiagnosticIds.InvalidBind,
        "Invalid bound value in a parameter rule",
        "The rule on '{0}.{1}' {2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ZeroLimit = Create(
        DiagnosticIds.ZeroLimit,
        "Zero limit",
        "{0} = \"0\" on '{1}': {2}, so the chain would refuse this session; set a positive limit or remove it",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PayableWithoutValueLimit = Create(
        DiagnosticIds.PayableWithoutValueLimit,
        "Payable function without a value limit",
        "'{0}' is payable and nothing limits the ETH sent with it: the value-limit policy refuses a zero limit, and no parameter rule or spending limit refuses ETH here; set ValueLimit = \"…\" to the most ETH (in wei) the session may send with it, or Sudo = true to allow any amount on purpose",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsatisfiableRule = Create(
        DiagnosticIds.UnsatisfiableRule,
        "Parameter rule that no call can satisfy",
        "The rule on '{0}.{1}' ({2}) {3}, so every call would be refused",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnpinnedApproval = Create(
        DiagnosticIds.UnpinnedApproval,
        "Approval to any address",
        "'{0}' lets the session key authorise any address to move the account's assets, and the approval outlives the session; pin '{1}' with [ParamRule(\"{0}\", \"{1}\", ParamCondition.Equal, Bind = \"{2}\")]",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnpinnedRecipient = Create(
        DiagnosticIds.UnpinnedRecipient,
        "Output sent to any address",
        "'{0}' sends its output to '{1}', which no rule pins: the session key may route it to any address; pin it with [ParamRule(\"{0}\", \"{1}\", ParamCondition.Equal, Bind = \"account\")]",
        DiagnosticCategories.Policy,
        DiagnosticSeverity.Warning);
}
