using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Sessions;

namespace SessionGen.CodeFixes;

/// <summary>
/// SESSGEN203: adds a limit to an unlimited action: <c>MaxUses = 1</c> always, and for ERC-20
/// transfer/approve/transferFrom also <c>SpendingLimit = "1"</c>: the strictest limit the chain accepts (the spending-limit
/// policy refuses 0), one base unit, to be raised on purpose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddActionLimitCodeFix)), Shared]
public sealed class AddActionLimitCodeFix : SessionCodeFix<AttributeSyntax>
{
    /// <summary>Equivalence key of the MaxUses fix.</summary>
    public const string AddMaxUsesKey = "SessionGen.AddMaxUses";

    /// <summary>Equivalence key of the SpendingLimit fix.</summary>
    public const string AddSpendingLimitKey = "SessionGen.AddSpendingLimit";

    /// <summary>Creates the fix.</summary>
    public AddActionLimitCodeFix()
        : base(DiagnosticIds.ActionWithoutLimit)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, AttributeSyntax node)
    {
        context.RegisterCodeFix(
            Replace("Allow one use (MaxUses = 1)", AddMaxUsesKey, context.Document, root, node,
                attribute => SessionAttributeSyntax.AddNamedArgument(attribute, "MaxUses", SessionAttributeSyntax.Number(1))),
            diagnostic);

        if (SessionAttributeSyntax.FunctionArgument(node) is { } function && SessionDeclarationParser.IsErc20SpendingFunction(function.Token.ValueText))
        {
            context.RegisterCodeFix(
                Replace("Add a spending limit (SpendingLimit = \"1\", raise it to the amount to allow)", AddSpendingLimitKey, context.Document, root, node,
                    attribute => SessionAttributeSyntax.AddNamedArgument(attribute, "SpendingLimit", SessionAttributeSyntax.String("1"))),
                diagnostic);
        }
    }
}
