using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.ContractBinding.Model;

/// <summary>A class marked <c>[ContractAbi]</c>, as data: where it is, which file it names, and its declaration problems.</summary>
/// <param name="Type">The class and its containing types.</param>
/// <param name="AbiPath">The path given to the attribute (null or empty when missing).</param>
/// <param name="AttributeLocation">The attribute's path argument (or the attribute), where file problems are reported.</param>
/// <param name="Diagnostics">Declaration problems (not partial, empty path); when any, nothing is generated.</param>
internal sealed record BindingTarget(TypeHierarchy Type, string? AbiPath, LocationInfo? AttributeLocation, EquatableArray<DiagnosticInfo> Diagnostics);
