using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Syntax;

namespace SessionGen.Generators.ContractBinding;

public sealed partial class ContractBindingGenerator
{
    /// <summary>Turns syntax and symbols into equatable models; nothing here is kept past the step that calls it.</summary>
    internal static class Parser
    {
        /// <summary>Reads the marked class: where it is, the path it names, and whether it can be extended.</summary>
        public static BindingTarget ReadTarget(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var attributeLocation = LocationInfo.From(attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? attributeSyntax?.GetLocation());
            var hierarchy = TypeHierarchy.From(type);

            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (!IsPartial(current, cancellationToken))
                {
                    var declaration = current.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as BaseTypeDeclarationSyntax;
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.ClassNotPartial,
                        LocationInfo.From(declaration?.Identifier.GetLocation()),
                        current.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                        path ?? string.Empty));
                }
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAbiPath, attributeLocation, type.Name));
            }

            return new BindingTarget(hierarchy, path, attributeLocation, diagnostics.ToImmutable().ToEquatableArray());
        }

        /// <summary>
        /// The same reading for a top-level, non-generic class read from syntax (<see cref="DeclaredClass"/>), whose
        /// only declaration is this one: null when it has no <c>[ContractAbi]</c>.
        /// </summary>
        public static BindingTarget? ReadTarget(DeclaredClass declared, IReadOnlyList<SessionAttribute> attributes)
        {
            var contractAbi = attributes.Where(a => a.Kind == SessionAttributeKind.ContractAbi).Select(a => (AttributeArguments?)a.Arguments).FirstOrDefault();
            if (contractAbi is not { } arguments)
            {
                return null;
            }

            var path = arguments.ConstructorCount == 1 ? arguments.Constructor<string>(0) : null;
            var attributeLocation = arguments.ConstructorLocation(0, "path");
            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            if (!declared.IsPartial)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, declared.IdentifierLocation, declared.Name, path ?? string.Empty));
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAbiPath, attributeLocation, declared.Name));
            }

            return new BindingTarget(declared.Type!, path, attributeLocation, diagnostics.ToImmutable().ToEquatableArray());
        }

        /// <summary>Finds the target's ABI file and binds it; reports a missing file with the files that were seen.</summary>
        public static BindingResult Bind(BindingTarget target, EquatableArray<AbiReadResult> files, string? projectDirectory, CancellationToken cancellationToken)
        {
            if (!target.Diagnostics.IsEmpty)
            {
                return new BindingResult(null, target.Diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var file = FindFile(target.AbiPath!, files, projectDirectory);
            if (file is null)
            {
                var seen = files.IsEmpty ? "no .json AdditionalFiles" : string.Join(", ", files.Select(f => f.Path).OrderBy(p => p, System.StringComparer.Ordinal));
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.AbiFileNotFound, target.AttributeLocation, target.AbiPath!, seen);
                return new BindingResult(null, ImmutableArray.Create(diagnostic).ToEquatableArray());
            }

            // A file that is not an ABI at all has its own diagnostic (reported once per file); bind nothing.
            return file.Abi is null
                ? new BindingResult(null, EquatableArray<DiagnosticInfo>.Empty)
                : ContractBinder.Bind(target.Type, target.AbiPath!, file.Abi, target.AttributeLocation);
        }

        /// <summary>The problems of every ABI file some target uses, each file once.</summary>
        public static EquatableArray<DiagnosticInfo> ReferencedFileDiagnostics(ImmutableArray<string?> paths, EquatableArray<AbiReadResult> files, string? projectDirectory)
        {
            var used = new HashSet<AbiReadResult>();
            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            foreach (var path in paths)
            {
                if (string.IsNullOrWhiteSpace(path))
                {
                    continue;
                }

                var file = FindFile(path!, files, projectDirectory);
                if (file is not null && used.Add(file))
                {
                    diagnostics.AddRange(file.Diagnostics);
                }
            }

            return diagnostics.ToImmutable().ToEquatableArray();
        }

        private static AbiReadResult? FindFile(string abiPath, EquatableArray<AbiReadResult> files, string? projectDirectory)
        {
            var path = AbiPaths.Find(abiPath, projectDirectory, files.Select(f => f.Path));
            return path is null ? null : files.First(f => f.Path == path);
        }

        private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            type.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
    }
}
