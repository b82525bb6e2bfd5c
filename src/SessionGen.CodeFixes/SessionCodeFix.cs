using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SessionGen.CodeFixes;

/// <summary>
/// The shared shape of SessionGen's fixes: find the <typeparamref name="TNode"/> around the diagnostic, offer
/// actions with stable equivalence keys (so Fix All groups them), batch Fix All.
/// </summary>
public abstract class SessionCodeFix<TNode> : CodeFixProvider
    where TNode : SyntaxNode
{
    private readonly ImmutableArray<string> _ids;

    private protected SessionCodeFix(params string[] ids) => _ids = ImmutableArray.Create(ids);

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds => _ids;

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<TNode>() is { } node)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                Register(context, diagnostic, root, node);
            }
        }
    }

    /// <summary>Registers the actions for <paramref name="diagnostic"/> on <paramref name="node"/>.</summary>
    private protected abstract void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, TNode node);

    /// <summary>An action that replaces <paramref name="oldNode"/> with what <paramref name="rewrite"/> makes of it.</summary>
    private protected static CodeAction Replace<T>(string title, string equivalenceKey, Document document, SyntaxNode root, T oldNode, System.Func<T, SyntaxNode> rewrite)
        where T : SyntaxNode =>
        CodeAction.Create(title, (CancellationToken _) => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, rewrite(oldNode)))), equivalenceKey);
}
