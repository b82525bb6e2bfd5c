using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;

namespace SessionGen.CodeFixes;

/// <summary>SESSGEN100 (binding class) and SESSGEN117 (session class): adds <c>partial</c> to the class declaration.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : SessionCodeFix<TypeDeclarationSyntax>
{
    /// <summary>The equivalence key, stable across versions.</summary>
    public const string EquivalenceKey = "SessionGen.MakePartial";

    /// <summary>Creates the fix.</summary>
    public MakePartialCodeFix()
        : base(DiagnosticIds.ClassNotPartial, DiagnosticIds.SessionClassNotPartial)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, TypeDeclarationSyntax node)
    {
        if (node.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return;
        }

        context.RegisterCodeFix(
            Replace("Make the class partial", EquivalenceKey, context.Document, root, node,
                declaration => declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword))),
            diagnostic);
    }
}
