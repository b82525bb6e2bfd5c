using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Diagnostics;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SessionGen.CodeFixes;

/// <summary>SESSGEN202: adds <c>[SessionExpiry(Days = 7)]</c> to a session that never expires.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSessionExpiryCodeFix)), Shared]
public sealed class AddSessionExpiryCodeFix : SessionCodeFix<ClassDeclarationSyntax>
{
    /// <summary>The equivalence key, stable across versions so that Fix All groups these fixes.</summary>
    public const string EquivalenceKey = "SessionGen.AddSessionExpiry";

    /// <summary>Creates the fix.</summary>
    public AddSessionExpiryCodeFix()
        : base(DiagnosticIds.SessionWithoutExpiry)
    {
    }

    private protected override void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, ClassDeclarationSyntax node) =>
        context.RegisterCodeFix(
            Replace("Add [SessionExpiry(Days = 7)]", EquivalenceKey, context.Document, root, node, declaration =>
                SessionAttributeSyntax.AddAttribute(declaration, SessionAttributeSyntax.Attribute("SessionExpiry",
                    AttributeArgument(NameEquals("Days"), null, SessionAttributeSyntax.Number(7))))),
            diagnostic);
}
