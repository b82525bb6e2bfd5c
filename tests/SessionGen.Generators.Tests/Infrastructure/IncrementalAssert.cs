using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SessionGen.Generators.Tests.Infrastructure;

/// <summary>Assertions about incremental generator steps (run the driver with step tracking, see <see cref="GeneratorHarness"/>).</summary>
public static class IncrementalAssert
{
    /// <summary>Fails unless every output of every named step was <c>Cached</c> or <c>Unchanged</c> in <paramref name="run"/>.</summary>
    public static void AllCachedOrUnchanged(GeneratorRun run, params string[] trackingNames)
    {
        var reasons = run.StepReasons();
        foreach (var name in trackingNames)
        {
            Assert.True(reasons.ContainsKey(name), $"Step '{name}' did not run (tracked: {string.Join(", ", reasons.Keys)}).");
            var bad = reasons[name].Where(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
            Assert.True(bad.Count == 0, $"Step '{name}' produced {string.Join(", ", reasons[name])}; expected only Cached/Unchanged.");
        }
    }

    /// <summary>The number of outputs of step <paramref name="trackingName"/> with each reason.</summary>
    public static IReadOnlyDictionary<IncrementalStepRunReason, int> Count(GeneratorRun run, string trackingName) =>
        run.StepReasons()[trackingName].GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Fails if any output of the named steps (Roslyn's own steps are not checked) holds (anywhere in its object graph) a Compilation, ISymbol, SyntaxNode,
    /// SemanticModel or Location: those root whole compilations and defeat caching.
    /// </summary>
    public static void NoCompilationObjectsInStepOutputs(GeneratorRun run, params string[] trackingNames)
    {
        foreach (var step in run.Result.Results.SelectMany(r => r.TrackedSteps).Where(s => trackingNames.Contains(s.Key)))
        {
            foreach (var output in step.Value.SelectMany(s => s.Outputs))
            {
                Visit(output.Value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static void Visit(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 40)
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location or SyntaxTree,
            $"Step output '{path}' holds a {value.GetType().Name}.");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Visit(item, $"{path}[{i++}]", seen, depth + 1);
            }

            return;
        }

        // DiagnosticDescriptor is a plain, shared descriptor (it holds no compilation); skip its internals.
        if (value is DiagnosticDescriptor || value.GetType().Namespace?.StartsWith("Microsoft.CodeAnalysis.Text", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
        }
    }
}
