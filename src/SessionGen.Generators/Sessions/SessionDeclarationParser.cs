using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Amounts;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// Reads the session attributes of a class into a <see cref="SessionDeclaration"/> and reports every problem
/// that can be seen without the ABI. Shared by the analyzers (which report) and the generator (which emits).
/// </summary>
internal static class SessionDeclarationParser
{
    /// <summary>The ERC-20 functions the spending-limit policy understands, by name and canonical signature.</summary>
    private static readonly ImmutableDictionary<string, string> Erc20SpendingFunctions = new Dictionary<string, string>
    {
        ["transfer"] = "transfer(address,uint256)",
        ["approve"] = "approve(address,uint256)",
        ["transferFrom"] = "transferFrom(address,address,uint256)",
    }.ToImmutableDictionary();

    private static readonly BigInteger MaxUInt128 = (BigInteger.One << 128) - 1;

    /// <summary>The longest a session may last, start delay included: 100 years.</summary>
    private const long MaxExpiryMinutes = 36500L * 1440;

    /// <summary>Returns null when the class carries no session attribute.</summary>
    public static SessionDeclaration? Parse(INamedTypeSymbol type, SessionAttributeSymbols symbols, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        if (!attributes.Any(symbols.IsSessionAttribute))
        {
            return null;
        }

        var ownContract = ReadContract(type, symbols, cancellationToken);
        var read = new List<SessionAttribute>(attributes.Length);
        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = symbols.KindOf(attribute);
            if (kind is not (SessionAttributeKind.None or SessionAttributeKind.ContractAbi or SessionAttributeKind.TokenDisplay))
            {
                read.Add(new SessionAttribute(kind, new AttributeArguments(attribute, cancellationToken)));
            }
        }

        return Parse(type.Name, LocationInfo.From(type.Locations.FirstOrDefault(l => l.IsInSource)), ownContract, read,
            symbols.ContractAbi is not null, contractType => ReadContract(contractType, symbols, cancellationToken));
    }

    /// <summary>
    /// The declaration of the class <paramref name="typeName"/> from its session attributes, in declaration order
    /// (<see cref="SessionAttributeKind.ContractAbi"/> and <see cref="SessionAttributeKind.TokenDisplay"/> are read into
    /// <paramref name="ownContract"/> instead). <paramref name="readContract"/> reads the class a <c>Contract = typeof(…)</c>
    /// names; without it (attributes read from syntax, where a <c>typeof</c> is never taken) no argument names one.
    /// </summary>
    public static SessionDeclaration Parse(string typeName, LocationInfo? location, ContractReference? ownContract, IReadOnlyList<SessionAttribute> attributes,
        bool bindingsAvailable, System.Func<INamedTypeSymbol, ContractReference?>? readContract)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var actions = ImmutableArray.CreateBuilder<ActionDeclaration>();
        var rules = ImmutableArray.CreateBuilder<ParamRuleDeclaration>();
        ValueTransferDeclaration? valueTransfer = null;
        ExpiryDeclaration? expiry = null;
        var permitPaymaster = false;
        var contracts = new ContractContext(typeName, ownContract, bindingsAvailable, readContract);

        foreach (var (kind, arguments) in attributes)
        {
            switch (kind)
            {
                case SessionAttributeKind.SessionAction:
                    actions.Add(ReadAction(arguments, contracts, diagnostics));
                    break;
                case SessionAttributeKind.SessionValueTransfer:
                    valueTransfer = ReadValueTransfer(arguments, diagnostics);
                    break;
                case SessionAttributeKind.ParamRule:
                    rules.Add(ReadRule(arguments, contracts, diagnostics));
                    break;
                case SessionAttributeKind.SessionExpiry:
                    expiry = ReadExpiry(arguments, diagnostics);
                    break;
                case SessionAttributeKind.SessionPaymaster:
                    permitPaymaster = true;
                    break;
            }
        }

        CheckPolicies(typeName, location, actions, valueTransfer, expiry, rules, bindingsAvailable, diagnostics);
        return new SessionDeclaration(typeName, location, actions.ToImmutable().ToEquatableArray(), valueTransfer, expiry,
            rules.ToImmutable().ToEquatableArray(), diagnostics.ToImmutable().ToEquatableArray(), permitPaymaster);
    }

    /// <summary>
    /// What a <c>[ContractAbi]</c> class declares: its path and, from <c>[TokenDisplay]</c>, how amounts are shown; null
    /// without a path. One reading for bound attributes and attributes read from syntax.
    /// </summary>
    public static ContractReference? ContractReference(TypeHierarchy type, string fullyQualifiedName, string name, AttributeArguments? contractAbi, AttributeArguments? tokenDisplay)
    {
        if (contractAbi?.Constructor<string>(0) is not { } path)
        {
            return null;
        }

        var symbol = tokenDisplay?.Constructor<string>(0) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;
        var decimals = tokenDisplay is { ConstructorCount: 2 } display && display.Constructor<object>(1) is int d && d is >= 0 and <= 77 ? d : (int?)null;
        return new ContractReference(type, fullyQualifiedName, name, path, symbol, decimals);
    }

    private static ActionDeclaration ReadAction(AttributeArguments arguments, ContractContext contracts, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var function = arguments.Constructor<string>(0) ?? string.Empty;
        var contract = ResolveContract(arguments, contracts, "The action '" + function + "'", diagnostics);
        var spendingLimit = ReadAmount(arguments, "SpendingLimit", diagnostics);
        var valueLimit = ReadAmount(arguments, "ValueLimit", diagnostics);
        var maxUses = ReadMaxUses(arguments, function, diagnostics);
        CheckNonZero(spendingLimit, "SpendingLimit", function, arguments, diagnostics);
        CheckNonZero(valueLimit, "ValueLimit", function, arguments, diagnostics);
        return new ActionDeclaration(contract, function, arguments.Location, arguments.ConstructorLocation(0, "function"),
            spendingLimit, arguments.NamedLocation("SpendingLimit"), maxUses, valueLimit, arguments.NamedLocation("ValueLimit"), arguments.Named<bool>("Sudo"), DeclaresLimit(arguments));
    }

    private static ValueTransferDeclaration ReadValueTransfer(AttributeArguments arguments, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var valueLimit = ReadAmount(arguments, "ValueLimit", diagnostics);
        CheckNonZero(valueLimit, "ValueLimit", "native value transfer", arguments, diagnostics);
        return new(arguments.Location, valueLimit, ReadMaxUses(arguments, "native value transfer", diagnostics), arguments.Named<bool>("Sudo"), DeclaresLimit(arguments));
    }

    /// <summary>SESSGEN208: the spending-limit and value-limit policies revert at init on a zero limit, so the session could never be enabled.</summary>
    private static void CheckNonZero(string? amount, string name, string function, AttributeArguments arguments, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (amount == "0")
        {
            var consequence = name switch
            {
                "SpendingLimit" => "the ERC-20 spending-limit policy reverts InvalidLimit on a zero limit",
                "ValueLimit" => "the value-limit policy reverts PolicyNotInitialized on a zero limit (a function without ValueLimit already sends no ETH when a rule or spending limit guards it)",
                _ => "a zero cumulative limit lets only zero amounts through",
            };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ZeroLimit, arguments.NamedLocation(name), name, function, consequence));
        }
    }

    private static bool DeclaresLimit(AttributeArguments arguments) =>
        arguments.Has("SpendingLimit") || arguments.Has("MaxUses") || arguments.Has("ValueLimit");

    private static ParamRuleDeclaration ReadRule(AttributeArguments arguments, ContractContext contracts, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var function = arguments.Constructor<string>(0) ?? string.Empty;
        var parameter = arguments.Constructor<string>(1) ?? string.Empty;
        var condition = arguments.Constructor<byte>(2);
        var contract = ResolveContract(arguments, contracts, "The parameter rule on '" + function + "'", diagnostics);
        var bind = arguments.Named<string>("Bind");
        var hasReference = arguments.ConstructorCount > 3;
        var reference = hasReference ? ReadAmount(arguments, "reference", diagnostics, constructorIndex: 3) : null;
        var upperBound = ReadAmount(arguments, "UpperBound", diagnostics);
        var cumulativeLimit = ReadAmount(arguments, "CumulativeLimit", diagnostics);
        if (cumulativeLimit is not null)
        {
            CheckNonZero(cumulativeLimit, "CumulativeLimit", function + "." + parameter, arguments, diagnostics);
        }

        var bindProblem = arguments.Has("Bind") switch
        {
            true when hasReference => "sets both a reference and Bind; keep one: a literal, or a value bound when the session is created",
            true when string.IsNullOrWhiteSpace(bind) => "sets an empty Bind; name the CreateSession parameter, e.g. Bind = \"account\"",
            true when !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(bind!) => "binds '" + bind + "', which is not a C# identifier (it becomes a CreateSession parameter)",
            true when condition == 6 => "binds InRange, which needs two bounds; write them as literals",
            true when arguments.Has("CumulativeLimit") => "binds a cumulative rule; a cumulative limit is written as a literal",
            false when !hasReference => "has neither a reference nor Bind; add the reference (\"100e6\") or Bind = \"account\"",
            _ => null,
        };
        if (bindProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBind, arguments.Has("Bind") ? arguments.NamedLocation("Bind") : arguments.Location, function, parameter, bindProblem));
        }

        const byte InRange = 6;
        string? problem = null;
        if (condition > InRange)
        {
            problem = "uses condition " + condition.ToString(CultureInfo.InvariantCulture) + ", which is not a ParamCondition";
        }
        else if (condition == InRange && !arguments.Has("UpperBound"))
        {
            problem = "uses ParamCondition.InRange without UpperBound; set UpperBound = \"…\" (the reference is the lower bound)";
        }
        else if (condition != InRange && arguments.Has("UpperBound"))
        {
            problem = "sets UpperBound, which only applies to ParamCondition.InRange; remove it or use InRange";
        }
        else if (condition == InRange && reference is not null && upperBound is not null)
        {
            var lower = BigInteger.Parse(reference, CultureInfo.InvariantCulture);
            var upper = BigInteger.Parse(upperBound, CultureInfo.InvariantCulture);
            problem = lower > MaxUInt128 || upper > MaxUInt128
                ? "has a bound above 2^128-1; InRange packs both bounds into one 32-byte word, so each must fit in 128 bits"
                : lower > upper ? "has a lower bound (" + reference + ") above its upper bound (" + upperBound + ")" : null;
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRange, arguments.Location, function, parameter, problem));
        }

        return new ParamRuleDeclaration(contract, function, parameter, arguments.Location, arguments.ConstructorLocation(1, "parameter"),
            condition, reference, hasReference ? arguments.ConstructorLocation(3, "reference") : arguments.NamedLocation("Bind"),
            bindProblem is null ? bind : null, upperBound, cumulativeLimit);
    }

    private static ExpiryDeclaration ReadExpiry(AttributeArguments arguments, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var duration = arguments.Named<int>("Days") * 1440L + arguments.Named<int>("Hours") * 60L + arguments.Named<int>("Minutes");
        var startsAfter = (long)arguments.Named<int>("StartsAfterMinutes");
        if (duration <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidExpiry, arguments.Location,
                "lasts " + duration.ToString(CultureInfo.InvariantCulture) + " minutes, so the session could never be used"));
        }
        else if (duration + Math.Max(startsAfter, 0) > MaxExpiryMinutes)
        {
            // CreateSession would have to represent a date thousands of years away (DateTimeOffset ends in 9999).
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidExpiry, arguments.Location,
                "ends " + ((duration + Math.Max(startsAfter, 0)) / 1440).ToString(CultureInfo.InvariantCulture) + " days after the session is created, beyond the 36500 days (100 years) a session may last"));
        }

        if (startsAfter < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidExpiry, arguments.NamedLocation("StartsAfterMinutes"),
                "starts " + (-startsAfter).ToString(CultureInfo.InvariantCulture) + " minutes before the session is created"));
        }

        return new ExpiryDeclaration(duration, startsAfter);
    }

    /// <summary>The parsed amount as a decimal string; null when absent or invalid (then a diagnostic is added).</summary>
    private static string? ReadAmount(AttributeArguments arguments, string name, ImmutableArray<DiagnosticInfo>.Builder diagnostics, int constructorIndex = -1)
    {
        var isConstructor = constructorIndex >= 0;
        if (!isConstructor && !arguments.Has(name))
        {
            return null;
        }

        var text = isConstructor ? arguments.Constructor<string>(constructorIndex) : arguments.Named<string>(name);
        if (AmountLiteral.TryParse(text, out var value, out var error))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var location = isConstructor ? arguments.ConstructorLocation(constructorIndex, name) : arguments.NamedLocation(name);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAmountLiteral, location, name, text ?? "null", error));
        return null;
    }

    private static long? ReadMaxUses(AttributeArguments arguments, string function, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!arguments.Has("MaxUses"))
        {
            return null;
        }

        var maxUses = arguments.Named<long>("MaxUses");
        if (maxUses > 0)
        {
            return maxUses;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMaxUses, arguments.NamedLocation("MaxUses"),
            maxUses.ToString(CultureInfo.InvariantCulture), function));
        return null;
    }

    private static ContractReference? ResolveContract(AttributeArguments arguments, ContractContext contracts, string subject, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!contracts.BindingsAvailable)
        {
            return null; // bindings unavailable in this SessionGen: nothing to check against
        }

        if (arguments.Named<ITypeSymbol>("Contract") is INamedTypeSymbol contractType)
        {
            var contract = contracts.ReadContract?.Invoke(contractType);
            if (contract is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingContract, arguments.NamedLocation("Contract"),
                    subject + " names Contract = typeof(" + contractType.Name + "), which has no [ContractAbi]"));
            }

            return contract;
        }

        if (contracts.OwnContract is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingContract, arguments.Location,
                subject + " sets no Contract and '" + contracts.TypeName + "' has no [ContractAbi]"));
        }

        return contracts.OwnContract;
    }

    private static ContractReference? ReadContract(INamedTypeSymbol type, SessionAttributeSymbols symbols, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var contractAbi = attributes.FirstOrDefault(a => SessionAttributeSymbols.Is(a, symbols.ContractAbi));
        if (contractAbi is null)
        {
            return null;
        }

        var display = attributes.FirstOrDefault(a => SessionAttributeSymbols.Is(a, symbols.TokenDisplay));
        return ContractReference(TypeHierarchy.From(type), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.Name,
            new AttributeArguments(contractAbi, cancellationToken, withLocations: false),
            display is null ? null : new AttributeArguments(display, cancellationToken, withLocations: false));
    }

    /// <summary>The checks across attributes: 201–205, duplicates and rules without an action.</summary>
    private static void CheckPolicies(string typeName, LocationInfo? location, IReadOnlyList<ActionDeclaration> actions, ValueTransferDeclaration? valueTransfer,
        ExpiryDeclaration? expiry, IReadOnlyList<ParamRuleDeclaration> rules, bool bindingsAvailable, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (actions.Count == 0 && valueTransfer is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SessionWithoutActions, location, typeName));
        }

        if (expiry is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SessionWithoutExpiry, location, typeName));
        }

        var seen = new HashSet<(string?, string)>();
        foreach (var action in actions)
        {
            var contractName = action.Contract?.FullyQualifiedName;
            if (action.Contract is not null && !seen.Add((contractName, action.Function)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateAction, action.AttributeLocation, action.Function, action.Contract?.Name ?? typeName));
            }

            // With a contract the check runs on the resolved signature (SessionResolver); without one, on the name.
            if (action.SpendingLimit is not null && action.Contract is null && !IsErc20SpendingFunction(action.Function))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpendingLimitNotErc20, action.SpendingLimitLocation, action.Function,
                    SessionResolver.ParamRuleSuggestion(FunctionName(action.Function), "<amount parameter>", action.SpendingLimit)));
            }

            if (action.Sudo)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SudoOptIn, action.AttributeLocation, action.Function));
            }
            // Without the ABI a rule is matched by function name, so "transfer(address,uint256)" rules count for "transfer".
            else if (!action.DeclaresLimit && !rules.Any(rule => FunctionName(rule.Function) == FunctionName(action.Function) && rule.Contract?.FullyQualifiedName == contractName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActionWithoutLimit, action.AttributeLocation, action.Function));
            }
        }

        if (valueTransfer is { Sudo: true })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SudoOptIn, valueTransfer.AttributeLocation, "native value transfer"));
        }
        else if (valueTransfer is { DeclaresLimit: false })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActionWithoutLimit, valueTransfer.AttributeLocation, "native value transfer"));
        }

        // A rule whose contract could not be found already has SESSGEN118; matching it against the actions would only add noise.
        foreach (var rule in rules.Where(rule => rule.Contract is null && !bindingsAvailable))
        {
            if (!actions.Any(action => action.Function == rule.Function && action.Contract?.FullyQualifiedName == rule.Contract?.FullyQualifiedName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParamRuleWithoutAction, rule.AttributeLocation, rule.Function));
            }
        }
    }

    /// <summary>SESSGEN207 for a <c>[TokenDisplay]</c> whose symbol is empty or whose decimals are outside 0..77 (it is then ignored).</summary>
    internal static DiagnosticInfo? CheckTokenDisplay(INamedTypeSymbol type, SessionAttributeSymbols symbols, CancellationToken cancellationToken)
    {
        var display = type.GetAttributes().FirstOrDefault(a => SessionAttributeSymbols.Is(a, symbols.TokenDisplay));
        if (display is null)
        {
            return null;
        }

        var arguments = new AttributeArguments(display, cancellationToken);
        var symbol = arguments.Constructor<string>(0);
        var decimals = arguments.Constructor<int>(1);
        var problem = string.IsNullOrWhiteSpace(symbol) ? "has no symbol"
            : decimals is < 0 or > 77 ? "has " + decimals.ToString(CultureInfo.InvariantCulture) + " decimals"
            : null;
        return problem is null ? null : DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTokenDisplay, arguments.Location, type.Name, problem);
    }

    /// <summary>The class whose attributes are read, and how the contract of an action or rule is found.</summary>
    private sealed record ContractContext(string TypeName, ContractReference? OwnContract, bool BindingsAvailable, System.Func<INamedTypeSymbol, ContractReference?>? ReadContract);

    /// <summary>Whether every declaration of <paramref name="type"/> says <c>partial</c> (so generated members can be added).</summary>
    internal static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword));

    /// <summary>A name the spending-limit policy understands, or its exact ERC-20 signature.</summary>
    internal static bool IsErc20SpendingFunction(string function) =>
        Erc20SpendingFunctions.ContainsKey(function) || Erc20SpendingFunctions.ContainsValue(function);

    internal static string FunctionName(string function)
    {
        var parenthesis = function.IndexOf('(');
        return parenthesis < 0 ? function : function.Substring(0, parenthesis);
    }
}
