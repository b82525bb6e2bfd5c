using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// Resolves a <see cref="SessionDeclaration"/> against its contracts' ABIs: functions to selectors (SESSGEN111/112),
/// rule parameters to calldata offsets (SESSGEN113), spending limits to ERC-20 functions (SESSGEN204). The result
/// is the emitter's <see cref="SessionSpec"/>, or none when the declaration has an error.
/// </summary>
internal static class SessionResolver
{
    /// <summary>The parameter names of CreateSession a contract parameter must not take.</summary>
    private static readonly ImmutableHashSet<string> ReservedParameterNames = ImmutableHashSet.Create(
        "sessionKey", "sessionValidator", "sessionValidatorInitData", "now", "salt", "deployment", "policies", "valueRecipient", "account", "session", "labels");

    /// <summary>The name of <c>Bind</c> (and of the <c>CreateSession</c> parameter) for the smart account itself.</summary>
    internal const string AccountParameter = "account";

    /// <param name="declaration">The attributes as read by <see cref="SessionDeclarationParser"/>.</param>
    /// <param name="type">Where the session class is declared; null when only diagnostics are wanted (analyzers).</param>
    /// <param name="sessionTypeName">The session class's <c>global::</c> name.</param>
    /// <param name="abiOf">The ABI of a contract, or null when it cannot be read (the binding generator reports why).</param>
    public static (SessionSpec? Spec, ImmutableArray<SessionFinding> Findings) Resolve(
        SessionDeclaration declaration, TypeHierarchy? type, string sessionTypeName, Func<ContractReference, ContractAbiModel?> abiOf)
    {
        var findings = ImmutableArray.CreateBuilder<SessionFinding>();
        var contracts = new List<ContractReference>();
        var actions = ImmutableArray.CreateBuilder<ActionSpec>();
        var complete = true;
        var resolved = new Dictionary<(string Contract, string Signature), string>();
        var matchedRules = new HashSet<ParamRuleDeclaration>();
        var bindings = new Dictionary<ContractReference, ContractBindingModel?>();
        var contractParameters = ContractParameterNames(declaration.Actions.Select(a => a.Contract).OfType<ContractReference>().Distinct(), sessionTypeName);
        var boundValues = new Dictionary<string, (int Order, BoundValueSpec Spec)>(StringComparer.Ordinal);

        foreach (var action in declaration.Actions)
        {
            var abi = action.Contract is { } contract ? abiOf(contract) : null;
            var function = abi is null ? null : ResolveFunction(action.Function, action.Contract!, abi, action.FunctionLocation, findings);
            if (function is null || action.Contract is null || abi is null)
            {
                complete = false;
                continue;
            }

            // Identical spellings are SESSGEN116 from the parser already; this catches "transfer" next to "transfer(address,uint256)".
            var key = (action.Contract.FullyQualifiedName, function.CanonicalSignature);
            if (resolved.TryGetValue(key, out var earlier))
            {
                if (earlier != action.Function)
                {
                    findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAction, action.AttributeLocation, function.CanonicalSignature, action.Contract.Name)));
                }

                complete = false;
                continue;
            }

            resolved[key] = action.Function;

            if (action.SpendingLimit is not null && !IsErc20Spending(function))
            {
                findings.Add(SpendingLimitFinding(action, function));
                complete = false;
            }

            var rules = ImmutableArray.CreateBuilder<RuleSpec>();
            foreach (var rule in declaration.Rules.Where(rule => rule.Contract == action.Contract && Designates(abi, rule.Function, action.Function, function)))
            {
                matchedRules.Add(rule);
                if (!ParameterOffset(function, rule.Parameter, out var offset, out var parameterType, out var problem))
                {
                    findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRuleParameter, rule.ParameterLocation, function.CanonicalSignature, problem,
                        ParameterList(function))));
                    complete = false;
                    continue;
                }

                string? boundTo = null;
                if (rule.Bind is { } bind)
                {
                    boundTo = Bind(rule, bind, parameterType, contractParameters, boundValues, findings);
                    complete &= boundTo is not null;
                }
                else if (RuleValueCheck.Problem(rule, parameterType) is { } unsatisfiable)
                {
                    findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.UnsatisfiableRule, rule.ReferenceLocation ?? rule.AttributeLocation,
                        rule.Function, rule.Parameter, parameterType, unsatisfiable)));
                    complete = false;
                }

                rules.Add(new RuleSpec(rule.Parameter, parameterType, rule.Condition, offset, rule.Reference, boundTo, rule.UpperBound, rule.CumulativeLimit));
            }

            var ruleSpecs = rules.ToImmutable().ToEquatableArray();
            var plan = SessionPolicyPlanner.ForAction(action.SpendingLimit, action.MaxUses, action.ValueLimit, ruleSpecs);
            CheckPlan(action, function, plan, ruleSpecs, findings);

            if (!contracts.Contains(action.Contract))
            {
                contracts.Add(action.Contract);
            }

            if (type is null)
            {
                continue; // diagnostics only (analyzer): no call builders needed
            }

            if (!bindings.TryGetValue(action.Contract, out var binding))
            {
                binding = ContractBinder.Bind(action.Contract.Type, action.Contract.AbiPath, abi, null).Model;
                bindings[action.Contract] = binding;
            }

            var builder = binding?.Functions.FirstOrDefault(bound => bound.Abi.CanonicalSignature == function.CanonicalSignature);
            if (builder is null)
            {
                complete = false; // the binding cannot bind this function; the binding generator says why
                continue;
            }

            var parameters = builder.Parameters.Select(p => new CallParameterSpec(p.Name, CSharpTypeNames.Qualified(p.CSharpType, action.Contract.FullyQualifiedName)));
            actions.Add(new ActionSpec(contracts.IndexOf(action.Contract), builder.MethodName, builder.MethodName,
                parameters.ToImmutableArray().ToEquatableArray(), function.IsPayable ? builder.ValueParameterName : null,
                abi.FindFunctions(function.Name).Length > 1 ? function.CanonicalSignature : function.Name, function.CanonicalSignature, function.Selector,
                function.IsPayable, plan));
        }

        // Rules whose function no action permits (the parser checks rules without a contract by spelling).
        foreach (var rule in declaration.Rules.Where(rule => rule.Contract is not null && !matchedRules.Contains(rule)))
        {
            findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.ParamRuleWithoutAction, rule.AttributeLocation, rule.Function)));
            complete = false;
        }

        if (type is null || !complete || declaration.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            || actions.Count == 0 && declaration.ValueTransfer is null)
        {
            return (null, findings.ToImmutable());
        }

        var contractSpecs = contracts.Select(c => new ContractSpec(c.FullyQualifiedName, c.Name, contractParameters[c], c.Symbol, c.Decimals)).ToList();

        var callNames = actions.GroupBy(a => a.CallName).Where(g => g.Select(a => a.ContractIndex).Distinct().Count() > 1).Select(g => g.Key).ToImmutableHashSet();
        for (var i = 0; i < actions.Count; i++)
        {
            if (callNames.Contains(actions[i].CallName))
            {
                // The same builder name on two contracts: say which contract in the name (ApproveOnUsdc, ApproveOnDai; ApproveOnToken2 for a second Token).
                actions[i] = actions[i] with { CallName = actions[i].CallName + "On" + BindingNames.Pascal(contractSpecs[actions[i].ContractIndex].ParameterName.TrimStart('@')) };
            }
        }

        var valueTransfer = declaration.ValueTransfer is { } transfer ? new ValueTransferSpec(SessionPolicyPlanner.ForValueTransfer(transfer.ValueLimit, transfer.MaxUses)) : null;
        return (new SessionSpec(type, contractSpecs.ToImmutableArray().ToEquatableArray(), actions.ToImmutable().ToEquatableArray(), valueTransfer, declaration.Expiry,
            boundValues.Values.OrderBy(b => b.Order).Select(b => b.Spec).ToImmutableArray().ToEquatableArray(), declaration.PermitPaymaster), findings.ToImmutable());
    }

    /// <summary>What the plan says about the action: ETH left unbounded on a payable function (209), approvals and outputs to any address (211, 212).</summary>
    private static void CheckPlan(ActionDeclaration action, AbiFunctionModel function, EquatableArray<PolicyPlan> plan, EquatableArray<RuleSpec> rules, ImmutableArray<SessionFinding>.Builder findings)
    {
        if (action.Sudo)
        {
            return; // any call on purpose: SESSGEN205 already asks for a review
        }

        // An action with no limit at all is SESSGEN203's (its ETH is part of "without bound"); 209 is for a limit that misses the ETH.
        if (function.IsPayable && !SessionPolicyPlanner.BoundsNativeValue(plan) && plan.Any(policy => policy.Kind != PolicyKind.Sudo))
        {
            findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.PayableWithoutValueLimit, action.AttributeLocation, action.Function)));
        }

        bool Pinned(string path) => rules.Any(rule => rule.Parameter == path && rule.Condition == 0);
        if (AssetFlow.ApprovedParameter(function) is { } approved && !Pinned(approved))
        {
            findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.UnpinnedApproval, action.AttributeLocation, action.Function, approved, approved), approved));
        }

        foreach (var path in AssetFlow.RoutingParameters(function).Where(path => !Pinned(path)))
        {
            findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.UnpinnedRecipient, action.AttributeLocation, action.Function, path), path));
        }
    }

    /// <summary>
    /// The <c>CreateSession</c> parameter a bound rule reads: <c>account</c>, a contract's own parameter, or a new parameter of the
    /// rule's type; null with SESSGEN120 when the name cannot be that.
    /// </summary>
    private static string? Bind(ParamRuleDeclaration rule, string bind, string abiType, IReadOnlyDictionary<ContractReference, string> contractParameters,
        Dictionary<string, (int Order, BoundValueSpec Spec)> boundValues, ImmutableArray<SessionFinding>.Builder findings)
    {
        string? Fail(string problem)
        {
            findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBind, rule.ReferenceLocation ?? rule.AttributeLocation, rule.Function, rule.Parameter, problem)));
            return null;
        }

        var contract = contractParameters.FirstOrDefault(c => c.Value.TrimStart('@') == bind || string.Equals(c.Key.Name, bind, StringComparison.OrdinalIgnoreCase));
        if (contract.Key is not null)
        {
            return abiType == "address" ? contract.Value : Fail("binds the contract '" + bind + "' to a parameter of type " + abiType + "; a contract is an address");
        }

        var isAccount = bind == AccountParameter;
        var type = abiType switch
        {
            "address" => "global::SessionGen.Address",
            "bool" => "bool",
            _ when abiType.StartsWith("uint", StringComparison.Ordinal) => "global::System.Numerics.BigInteger",
            _ when abiType.StartsWith("bytes", StringComparison.Ordinal) => "global::SessionGen.Bytes32",
            _ => null,
        };
        if (type is null)
        {
            return Fail("binds a parameter of type " + abiType + "; bound values are address, uintN, bool or bytesN (write signed values as literals)");
        }

        if (isAccount && abiType != "address")
        {
            return Fail("binds 'account' to a parameter of type " + abiType + "; the account is an address");
        }

        if (!isAccount && ReservedParameterNames.Contains(bind))
        {
            return Fail("binds '" + bind + "', which CreateSession already uses for something else; choose another name");
        }

        var name = SyntaxFacts.GetKeywordKind(bind) != SyntaxKind.None ? "@" + bind : bind;
        if (boundValues.TryGetValue(bind, out var earlier))
        {
            return earlier.Spec.Type == type ? earlier.Spec.ParameterName : Fail("binds '" + bind + "' as " + abiType + ", but another rule binds it as another type; use two names");
        }

        boundValues[bind] = (boundValues.Count, new BoundValueSpec(name, type, isAccount)); // CreateSession parameters in first-use order
        return name;
    }

    private static SessionFinding SpendingLimitFinding(ActionDeclaration action, AbiFunctionModel function)
    {
        var amountParameter = function.Inputs.FirstOrDefault(input => input.Type == "uint256")?.Name;
        if (amountParameter is { Length: > 0 })
        {
            return new SessionFinding(
                DiagnosticInfo.Create(DiagnosticDescriptors.SpendingLimitNotErc20, action.SpendingLimitLocation, function.CanonicalSignature,
                    ParamRuleSuggestion(action.Function, amountParameter, action.SpendingLimit!)),
                amountParameter);
        }

        // WETH deposit(): no amount parameter, the amount is the ETH sent along.
        return function.IsPayable
            ? new SessionFinding(
                DiagnosticInfo.Create(DiagnosticDescriptors.SpendingLimitNotErc20, action.SpendingLimitLocation, function.CanonicalSignature,
                    "it takes its amount as native value: write ValueLimit = \"" + action.SpendingLimit + "\" (wei) instead"),
                FixData: null) { FixKind = SessionFinding.ValueLimitFix }
            : new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.SpendingLimitNotErc20, action.SpendingLimitLocation, function.CanonicalSignature,
                "it has no amount parameter to limit: use MaxUses, or a [ParamRule] on the parameter that matters"));
    }

    /// <summary>The cumulative rule that replaces a spending limit on another function (SESSGEN204's suggestion).</summary>
    internal static string ParamRuleSuggestion(string function, string parameter, string limit) =>
        "limit a parameter instead: [ParamRule(\"" + function + "\", \"" + parameter + "\", ParamCondition.LessThanOrEqual, \"" + limit + "\", CumulativeLimit = \"" + limit + "\")]";

    /// <summary>Each contract's <c>CreateSession</c> parameter; two classes with the same simple name (other namespaces) get usdc, usdc2, …</summary>
    private static Dictionary<ContractReference, string> ContractParameterNames(IEnumerable<ContractReference> contracts, string sessionTypeName)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<ContractReference, string>();
        foreach (var contract in contracts)
        {
            var name = ParameterName(contract, sessionTypeName);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = name + n.ToString(CultureInfo.InvariantCulture);
            }

            names[contract] = unique;
        }

        return names;
    }

    private static AbiFunctionModel? ResolveFunction(string function, ContractReference contract, ContractAbiModel abi, LocationInfo? location, ImmutableArray<SessionFinding>.Builder findings)
    {
        var matches = abi.FindFunctions(function);
        if (matches.Length == 1)
        {
            return matches[0];
        }

        if (matches.Length > 1)
        {
            findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.AmbiguousFunction, location, function, contract.Name,
                string.Join(", ", matches.Select(m => "\"" + m.CanonicalSignature + "\"")))));
            return null;
        }

        var name = SessionDeclarationParser.FunctionName(function);
        var byName = abi.FindFunctions(name);
        var suggestions = byName.Length > 0
            ? byName.Select(f => f.CanonicalSignature).ToList()
            : NameSuggestions.Closest(name, abi.Functions.Select(f => f.Name));
        var hint = suggestions.Count > 0
            ? "; did you mean " + string.Join(" or ", suggestions.Select(s => "'" + s + "'")) + "?"
            : "; its functions are " + string.Join(", ", abi.Functions.Select(f => f.Name).Distinct().Take(12)) + (abi.Functions.Count > 12 ? ", …" : string.Empty);
        findings.Add(new SessionFinding(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownFunction, location, contract.Name, function, hint),
            suggestions.Count == 1 ? suggestions[0] : null));
        return null;
    }

    /// <summary>Whether a rule's function text names the action's function: the same spelling, or the same resolved signature.</summary>
    private static bool Designates(ContractAbiModel abi, string ruleFunction, string actionFunction, AbiFunctionModel function) =>
        ruleFunction == actionFunction
        || abi.FindFunctions(ruleFunction) is { Length: 1 } matches && matches[0].CanonicalSignature == function.CanonicalSignature;

    private static bool IsErc20Spending(AbiFunctionModel function) =>
        SessionDeclarationParser.IsErc20SpendingFunction(function.CanonicalSignature);

    /// <summary>
    /// The byte offset after the selector of a static parameter, or of a member of a static tuple parameter written as
    /// <c>params.amountIn</c>. Dynamic values have only a pointer in the head, so a rule on them is refused.
    /// </summary>
    internal static bool ParameterOffset(AbiFunctionModel function, string path, out ulong offset, out string type, out string problem)
    {
        offset = 0;
        type = string.Empty;
        IReadOnlyList<AbiParameterModel> level = function.Inputs;
        var segments = path.Split('.');
        for (var s = 0; s < segments.Length; s++)
        {
            var index = -1;
            for (var i = 0; i < level.Count; i++)
            {
                if (level[i].Name == segments[s])
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                var closest = NameSuggestions.Closest(segments[s], level.Select(p => p.Name).Where(n => n.Length > 0));
                problem = "has no parameter '" + path + "'" + (closest.Count > 0
                    ? " (did you mean " + string.Join(" or ", closest.Select(c => "'" + string.Join(".", segments.Take(s).Concat(new[] { c })) + "'")) + "?)"
                    : string.Empty);
                return false;
            }

            for (var i = 0; i < index; i++)
            {
                offset += (ulong)level[i].TypeInfo.HeadSize;
            }

            var info = level[index].TypeInfo;
            if (info.IsDynamic)
            {
                problem = "has '" + path + "' of dynamic type " + info.Canonical;
                return false;
            }

            var isLast = s == segments.Length - 1;
            if (isLast && info.Kind is AbiTypeKind.Tuple or AbiTypeKind.FixedArray)
            {
                problem = "has '" + path + "' of type " + info.Canonical + ", which is not a single word; name one of its members (\"" + path + ".member\")";
                return false;
            }

            if (!isLast && info.Kind != AbiTypeKind.Tuple)
            {
                problem = "has '" + string.Join(".", segments.Take(s + 1)) + "' of type " + info.Canonical + ", which has no members";
                return false;
            }

            level = info.Components;
            type = info.Canonical;
        }

        problem = string.Empty;
        return true;
    }

    private static string ParameterList(AbiFunctionModel function) =>
        function.Inputs.Count == 0 ? " (it has no parameters)" : " (its parameters: " + string.Join(", ", function.Inputs.Select(p => p.Type + " " + p.Name)) + ")";

    private static string ParameterName(ContractReference contract, string sessionTypeName)
    {
        if (contract.FullyQualifiedName == sessionTypeName)
        {
            return "contract";
        }

        var name = char.ToLowerInvariant(contract.Name[0]) + contract.Name.Substring(1);
        name = ReservedParameterNames.Contains(name) ? name + "Contract" : name;
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
