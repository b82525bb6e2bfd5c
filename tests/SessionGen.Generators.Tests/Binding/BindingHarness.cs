using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Tests.Infrastructure;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>Runs the contract-binding generator over one bound class and ABI file.</summary>
internal static class BindingHarness
{
    /// <summary>The ABI corpus shipped in the repository (copied next to the test assembly).</summary>
    public static string AbiDirectory => Path.Combine(System.AppContext.BaseDirectory, "abis");

    public static string ReadAbi(string fileName) => File.ReadAllText(Path.Combine(AbiDirectory, fileName));

    /// <summary>A file next to this source file (test fixtures that are not part of the public corpus).</summary>
    public static string ReadFixture(string fileName, [CallerFilePath] string caller = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(caller)!, fileName));

    /// <summary>Generates <c>public partial class {className}</c> bound to <paramref name="json"/> at <c>abis/{fileName}</c>.</summary>
    public static GeneratorRun Run(string className, string fileName, string json, string? ns = "Contracts") =>
        GeneratorHarness.Run(
            new ContractBindingGenerator(),
            [Source(className, fileName, ns)],
            [(GeneratorHarness.ProjectDirectory + "abis/" + fileName, json)]);

    /// <summary>As <see cref="Run"/>, in a C# 9 project (a block namespace; the value types are plain structs and classes).</summary>
    public static GeneratorRun RunCSharp9(string className, string fileName, string json, string? ns = "Contracts") =>
        GeneratorHarness.Run(
            [new ContractBindingGenerator()],
            GeneratorHarness.CreateCompilation([SourceCSharp9(className, fileName, ns)], parseOptions: GeneratorHarness.CSharp9),
            [(GeneratorHarness.ProjectDirectory + "abis/" + fileName, json)]);

    public static string Source(string className, string fileName, string? ns = "Contracts") =>
        (ns is null ? string.Empty : $"namespace {ns};\n\n") + $"[SessionGen.ContractAbi(\"abis/{fileName}\")]\npublic partial class {className} {{ }}\n";

    private static string SourceCSharp9(string className, string fileName, string? ns) =>
        ns is null ? Source(className, fileName, ns) : $"namespace {ns}\n{{\n" + Source(className, fileName, ns: null) + "}\n";

    public static IEnumerable<string> CorpusFiles() =>
        Directory.EnumerateFiles(AbiDirectory, "*.json");
}
