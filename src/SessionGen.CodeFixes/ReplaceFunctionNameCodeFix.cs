using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.CodeFixes;

/// <summary>SESSGEN111: replaces an unknown function name with the one function the ABI suggests.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceFunctionNameCodeFix)), Shared]
public sealed class ReplaceFunctionNameCodeFix : SessionCodeFix<LiteralExpressionSyntax>
{
    /// <summary>The equivalence key, stable across versions.</summary>
    public const string EquivalenceKey = "SessionGen.ReplaceFunctionName";

    /// <summary>Creates the fix.</summary>
    public ReplaceFunctionNameCodeFix()
        : base(DiagnosticIds.UnknownFunction)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, LiteralExpressionSyntax node)
    {
        if (!diagnostic.Properties.TryGetValue(SessionFinding.FixDataKey, out var suggestion) || suggestion is null)
        {
            return; // no single suggestion: nothing safe to offer
        }

        context.RegisterCodeFix(
            Replace($"Use '{suggestion}'", EquivalenceKey, context.Document, root, node,
                literal => SessionAttributeSyntax.String(suggestion).WithTriviaFrom(literal)),
            diagnostic);
    }
}
