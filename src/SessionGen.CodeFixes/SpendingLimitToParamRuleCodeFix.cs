using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Sessions.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionGen.CodeFixes;

/// <summary>
/// SESSGEN204: moves a <c>SpendingLimit</c> on a function that is not an ERC-20 transfer into a cumulative parameter
/// rule on its first <c>uint256</c> parameter:
/// <c>[ParamRule("f", "amount", ParamCondition.LessThanOrEqual, "L", CumulativeLimit = "L")]</c>; on a payable function
/// without an amount parameter (WETH <c>deposit()</c>) it becomes <c>ValueLimit = "L"</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpendingLimitToParamRuleCodeFix)), Shared]
public sealed class SpendingLimitToParamRuleCodeFix : SessionCodeFix<AttributeSyntax>
{
    /// <summary>The equivalence key, stable across versions.</summary>
    public const string EquivalenceKey = "SessionGen.SpendingLimitToParamRule";

    /// <summary>The equivalence key of the fix that turns the limit into a ValueLimit, stable across versions.</summary>
    public const string ValueLimitEquivalenceKey = "SessionGen.SpendingLimitToValueLimit";

    /// <summary>Creates the fix.</summary>
    public SpendingLimitToParamRuleCodeFix()
        : base(DiagnosticIds.SpendingLimitNotErc20)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, AttributeSyntax node)
    {
        var limitArgument = node.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "SpendingLimit");
        if (limitArgument is not null && diagnostic.Properties.TryGetValue(SessionFinding.FixKindKey, out var kind) && kind == SessionFinding.ValueLimitFix)
        {
            // A payable function without an amount parameter (WETH deposit()): the amount is the ETH sent along.
            context.RegisterCodeFix(
                Replace("Limit the ETH sent instead (ValueLimit)", ValueLimitEquivalenceKey, context.Document, root, limitArgument,
                    argument => argument.WithNameEquals(NameEquals("ValueLimit"))),
                diagnostic);
            return;
        }

        if (!diagnostic.Properties.TryGetValue(SessionFinding.FixDataKey, out var parameter) || parameter is null
            || limitArgument is null || SessionAttributeSyntax.FunctionArgument(node) is not { } function
            || node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return; // no uint256 parameter to limit: the user has to choose the rule
        }

        var contract = node.ArgumentList!.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Contract");
        context.RegisterCodeFix(
            Replace($"Limit '{parameter}' with a cumulative [ParamRule]", EquivalenceKey, context.Document, root, declaration, cls =>
            {
                var arguments = new[]
                {
                    AttributeArgument(function),
                    AttributeArgument(SessionAttributeSyntax.String(parameter)),
                    AttributeArgument(ParseExpression("global::SessionGen.ParamCondition.LessThanOrEqual")
                        .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation)),
                    AttributeArgument(limitArgument.Expression),
                    AttributeArgument(NameEquals("CumulativeLimit"), null, limitArgument.Expression),
                }.Concat(contract is null ? Enumerable.Empty<AttributeArgumentSyntax>() : new[] { contract }).ToArray();
                var withoutLimit = node.WithArgumentList(node.ArgumentList.WithArguments(node.ArgumentList.Arguments.Remove(limitArgument)));
                var rewritten = cls.ReplaceNode(node, withoutLimit);
                return SessionAttributeSyntax.AddAttribute(rewritten, SessionAttributeSyntax.Attribute("ParamRule", arguments));
            }),
            diagnostic);
    }
}
