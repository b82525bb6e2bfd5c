using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions;

namespace SessionGen.Generators.Syntax;

/// <summary>
/// Finds class declarations that carry SessionGen-named attributes and reads them into <see cref="DeclaredClass"/>es
/// from syntax alone.
/// </summary>
/// <remarks>
/// The compiler re-runs a syntax provider's transform for every node on every run (it never treats the semantic model
/// it hands out as unchanged), so the reading is kept per syntax node: a node of an unchanged file is the same object
/// from run to run and is read once, however many generators ask.
/// </remarks>
internal static class DeclaredClassReader
{
    private const string AttributeSuffix = "Attribute";

    /// <summary>The SessionGen attributes by the name they are written with (without the suffix).</summary>
    public static readonly IReadOnlyDictionary<string, SessionAttributeKind> KindsByName = new Dictionary<string, SessionAttributeKind>
    {
        [ShortName(SessionAttributeSymbols.SessionActionName)] = SessionAttributeKind.SessionAction,
        [ShortName(SessionAttributeSymbols.SessionValueTransferName)] = SessionAttributeKind.SessionValueTransfer,
        [ShortName(SessionAttributeSymbols.ParamRuleName)] = SessionAttributeKind.ParamRule,
        [ShortName(SessionAttributeSymbols.SessionExpiryName)] = SessionAttributeKind.SessionExpiry,
        [ShortName(SessionAttributeSymbols.SessionPaymasterName)] = SessionAttributeKind.SessionPaymaster,
        [ShortName(SessionAttributeSymbols.ContractAbiName)] = SessionAttributeKind.ContractAbi,
        [ShortName(SessionAttributeSymbols.TokenDisplayName)] = SessionAttributeKind.TokenDisplay,
    };

    private static readonly ConditionalWeakTable<TypeDeclarationSyntax, DeclaredClass> s_byNode = new();

    /// <summary>Whether <paramref name="node"/> is a class (or, with <paramref name="orRecord"/>, a record) with an attribute written with the name of one of <paramref name="kinds"/>, however qualified.</summary>
    public static bool HasAttributeNamed(SyntaxNode node, bool orRecord, params SessionAttributeKind[] kinds)
    {
        if (node is not (ClassDeclarationSyntax or RecordDeclarationSyntax) || node is RecordDeclarationSyntax && !orRecord)
        {
            return false;
        }

        foreach (var list in ((TypeDeclarationSyntax)node).AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (KindOf(SimpleName(attribute.Name)) is var kind && kind != SessionAttributeKind.None && System.Array.IndexOf(kinds, kind) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The declaration read from its syntax (once per node).</summary>
    public static DeclaredClass Read(TypeDeclarationSyntax node) => s_byNode.GetValue(node, static declaration => Create(declaration));

    private static DeclaredClass Create(TypeDeclarationSyntax node)
    {
        var name = node.Identifier.ValueText;
        var namespaceName = NamespaceOf(node, out var namespaceIsPlain);
        var metadataName = MetadataName(node, namespaceName);
        var locator = new ClassLocator(node.SyntaxTree.FilePath, node.Span, metadataName);
        var isPartial = node.Modifiers.Any(SyntaxKind.PartialKeyword);
        var identifierLocation = LocationInfo.From(node.Identifier.GetLocation());
        var compilationUnit = node.SyntaxTree.GetRoot() as CompilationUnitSyntax;
        var importsSessionGen = compilationUnit?.Usings.Any(IsUsingSessionGen) == true;

        var readable = node is ClassDeclarationSyntax
            && node.Parent is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax
            && node.TypeParameterList is null
            && node.Identifier.Text == name
            && namespaceIsPlain
            && compilationUnit is { Externs.Count: 0 }
            && !HasUsingAlias(node);
        var attributes = ImmutableArray.CreateBuilder<DeclaredAttribute>();
        if (readable)
        {
            foreach (var list in node.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var attributeName = SimpleName(attribute.Name);
                    if (KindOf(attributeName) == SessionAttributeKind.None)
                    {
                        continue;
                    }

                    if (ReadAttribute(list, attribute, attributeName) is not { } read)
                    {
                        readable = false;
                        break;
                    }

                    attributes.Add(read);
                }
            }
        }

        if (!readable)
        {
            return new DeclaredClass(locator, false, null, string.Empty, name, isPartial, identifierLocation, importsSessionGen, EquatableArray<DeclaredAttribute>.Empty);
        }

        var type = TypeHierarchy.Create(namespaceName, ImmutableArray.Create(new TypeDeclarationInfo("class", name)), metadataName);
        var fullyQualifiedName = "global::" + metadataName;
        return new DeclaredClass(locator, true, type, fullyQualifiedName, name, isPartial, identifierLocation, importsSessionGen, attributes.ToImmutable().ToEquatableArray());
    }

    private static DeclaredAttribute? ReadAttribute(AttributeListSyntax list, AttributeSyntax attribute, string name)
    {
        if (attribute.Name is not IdentifierNameSyntax { Identifier: var identifier } || identifier.Text != identifier.ValueText
            || list.Target is { } target && !target.Identifier.IsKind(SyntaxKind.TypeKeyword)
            || list.ContainsDiagnostics)
        {
            return null;
        }

        var positional = ImmutableArray.CreateBuilder<LiteralValue>();
        var named = ImmutableArray.CreateBuilder<NamedLiteralValue>();
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameColon is not null || Literal(argument.Expression) is not { } value)
            {
                return null;
            }

            if (argument.NameEquals is { } nameEquals)
            {
                named.Add(new NamedLiteralValue(nameEquals.Name.Identifier.ValueText, value));
            }
            else if (named.Count > 0)
            {
                return null; // a positional argument after a named one does not compile
            }
            else
            {
                positional.Add(value);
            }
        }

        return new DeclaredAttribute(ShortName(name), AttributeArgumentLocations.From(attribute)!,
            positional.ToImmutable().ToEquatableArray(), named.ToImmutable().ToEquatableArray());
    }

    private static LiteralValue? Literal(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { Token.Value: string text } literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => new LiteralValue(LiteralKind.String, text, 0),
        LiteralExpressionSyntax { Token.Value: int number } literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) => new LiteralValue(LiteralKind.Integer, null, number),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { Token.Value: int number } literal } negation
            when negation.IsKind(SyntaxKind.UnaryMinusExpression) && literal.IsKind(SyntaxKind.NumericLiteralExpression) => new LiteralValue(LiteralKind.Integer, null, -(long)number),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) => new LiteralValue(LiteralKind.Boolean, null, 1),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) => new LiteralValue(LiteralKind.Boolean, null, 0),
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier: var type }, Name: IdentifierNameSyntax { Identifier: var member } } access
            when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && type.Text == type.ValueText && member.Text == member.ValueText
            => new LiteralValue(LiteralKind.EnumMember, type.ValueText, 0, member.ValueText),
        _ => null,
    };

    private static bool IsUsingSessionGen(UsingDirectiveSyntax directive) =>
        directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword)
        && directive.Name is IdentifierNameSyntax { Identifier.ValueText: "SessionGen" };

    private static bool HasUsingAlias(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            var usings = current switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            if (usings.Any(directive => directive.Alias is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The dotted namespace the declaration is in (empty for the global one); <paramref name="isPlain"/> false when a part is escaped (<c>@</c>, <c>\u</c>).</summary>
    private static string NamespaceOf(SyntaxNode node, out bool isPlain)
    {
        isPlain = true;
        var parts = new List<string>();
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseNamespaceDeclarationSyntax ns)
            {
                var names = new List<string>();
                foreach (var identifier in ns.Name.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    isPlain &= identifier.Identifier.Text == identifier.Identifier.ValueText;
                    names.Add(identifier.Identifier.ValueText);
                }

                isPlain &= ns.Name is IdentifierNameSyntax or QualifiedNameSyntax;
                parts.InsertRange(0, names);
            }
        }

        return string.Join(".", parts);
    }

    /// <summary>The metadata name (<c>Ns.Outer+Inner`1</c> style, dots for nesting as in hint names) from syntax.</summary>
    private static string MetadataName(TypeDeclarationSyntax node, string namespaceName)
    {
        var names = new List<string>();
        for (SyntaxNode? current = node; current is TypeDeclarationSyntax type; current = current.Parent)
        {
            var arity = type.TypeParameterList?.Parameters.Count ?? 0;
            names.Insert(0, arity == 0 ? type.Identifier.ValueText : type.Identifier.ValueText + "`" + arity);
        }

        return string.Join(".", new[] { namespaceName }.Where(n => n.Length > 0).Concat(names));
    }

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static SessionAttributeKind KindOf(string writtenName) =>
        KindsByName.TryGetValue(ShortName(writtenName), out var kind) ? kind : SessionAttributeKind.None;

    private static string ShortName(string name)
    {
        var dot = name.LastIndexOf('.');
        var simple = dot < 0 ? name : name.Substring(dot + 1);
        return simple.EndsWith(AttributeSuffix, System.StringComparison.Ordinal) && simple.Length > AttributeSuffix.Length
            ? simple.Substring(0, simple.Length - AttributeSuffix.Length)
            : simple;
    }
}
