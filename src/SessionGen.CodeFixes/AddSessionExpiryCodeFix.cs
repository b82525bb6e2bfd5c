using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionGen.CodeFixes;

/// <summary>SESSGEN202: adds <c>[SessionExpiry(Days = 7)]</c> to a session that never expires.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSessionExpiryCodeFix)), Shared]
public sealed class AddSessionExpiryCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key, stable across versions so that Fix All groups these fixes.</summary>
    public const string EquivalenceKey = "SessionGen.AddSessionExpiry";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SessionWithoutExpiry);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Add [SessionExpiry(Days = 7)]", ct => AddExpiryAsync(context.Document, declaration, ct), EquivalenceKey),
            context.Diagnostics);
    }

    private static async Task<Document> AddExpiryAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var expiry = SessionAttributeSyntax.Attribute("SessionExpiry", AttributeArgument(NameEquals("Days"), null, SessionAttributeSyntax.Number(7)));
        return document.WithSyntaxRoot(root!.ReplaceNode(declaration, SessionAttributeSyntax.AddAttribute(declaration, expiry)));
    }
}
