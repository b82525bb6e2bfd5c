using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Sessions;

namespace SessionGen.CodeFixes;

/// <summary>
/// SESSGEN203: adds a limit to an unlimited action: <c>MaxUses = 1</c> always, and for ERC-20
/// transfer/approve/transferFrom also <c>SpendingLimit = "0"</c> (the strictest value, to be raised on purpose).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddActionLimitCodeFix)), Shared]
public sealed class AddActionLimitCodeFix : CodeFixProvider
{
    /// <summary>Equivalence key of the MaxUses fix.</summary>
    public const string AddMaxUsesKey = "SessionGen.AddMaxUses";

    /// <summary>Equivalence key of the SpendingLimit fix.</summary>
    public const string AddSpendingLimitKey = "SessionGen.AddSpendingLimit";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ActionWithoutLimit);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Allow one use (MaxUses = 1)", _ => Replace(context.Document, root, attribute,
                SessionAttributeSyntax.AddNamedArgument(attribute, "MaxUses", SessionAttributeSyntax.Number(1))), AddMaxUsesKey),
            context.Diagnostics);

        var function = attribute.ArgumentList?.Arguments.Count > 0 && attribute.ArgumentList.Arguments[0].NameEquals is null
            ? attribute.ArgumentList.Arguments[0].Expression as LiteralExpressionSyntax
            : null;
        if (function is not null && SessionDeclarationParser.IsErc20SpendingFunction(function.Token.ValueText))
        {
            context.RegisterCodeFix(
                CodeAction.Create("Add a spending limit (SpendingLimit = \"0\", raise it to the amount to allow)", _ => Replace(context.Document, root, attribute,
                    SessionAttributeSyntax.AddNamedArgument(attribute, "SpendingLimit", SessionAttributeSyntax.String("0"))), AddSpendingLimitKey),
                context.Diagnostics);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode oldNode, SyntaxNode newNode) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)));
}
