using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Tests.Infrastructure;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>The corpus ABIs and the all-types fixture, each bound to a class named after its file, compiled and loaded once per test run.</summary>
internal static class CompiledCorpus
{
    private static readonly Lazy<(Assembly Assembly, List<(string File, string Json)> Abis)> s_compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static (Assembly Assembly, List<(string File, string Json)> Abis) Value => s_compiled.Value;

    /// <summary>The generated binding class for <paramref name="file"/> (e.g. <c>Contracts.AllTypes</c>).</summary>
    public static Type Binding(string file) => Value.Assembly.GetType("Contracts." + ClassName(file), throwOnError: true)!;

    public static string ClassName(string file) => Path.GetFileNameWithoutExtension(file);

    public static List<(string File, string Json)> Abis() =>
        [.. BindingHarness.CorpusFiles().Order().Select(path => (Path.GetFileName(path), File.ReadAllText(path))), ("AllTypes.json", BindingHarness.ReadFixture("AllTypes.json"))];

    private static (Assembly, List<(string, string)>) Compile()
    {
        var abis = Abis();
        var run = GeneratorHarness.Run(
            [new ContractBindingGenerator()],
            GeneratorHarness.CreateCompilation(abis.Select(a => BindingHarness.Source(ClassName(a.File), a.File))),
            abis.Select(a => (GeneratorHarness.ProjectDirectory + "abis/" + a.File, a.Json)));
        run.AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
        return (run.EmitAndLoad(), abis);
    }
}
