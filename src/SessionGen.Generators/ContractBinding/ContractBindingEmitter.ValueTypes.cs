using System.Linq;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.ContractBinding;

/// <summary>
/// The value types of a binding written out in full, for <see cref="ValueTypeDeclaration.Explicit"/> (C# 9, Unity 6):
/// what a positional record or record struct has, by hand, so that code using the binding reads the same in both
/// flavours (same constructor and parameter names, properties, <c>Deconstruct</c>, value equality with bytes and lists
/// compared by content, <c>==</c>/<c>!=</c>, and <c>ToString</c> as a record prints itself).
/// </summary>
internal sealed partial class ContractBindingEmitter
{
    /// <summary>A <c>readonly partial struct</c> (<paramref name="isClass"/> false) or <c>sealed partial class</c>; <paramref name="body"/> adds its static members.</summary>
    private void EmitExplicitValueType(SourceWriter w, string summary, string name, EquatableArray<BoundParameter> members, bool isClass, string? implements, System.Action<SourceWriter>? body)
    {
        var nullableName = isClass ? name + "?" : name;
        w.Line($"/// <summary>{summary}</summary>");
        w.Line(GeneratedCode);
        w.Open(isClass
            ? $"public sealed partial class {name} : {(implements is null ? string.Empty : implements + ", ")}global::System.IEquatable<{name}>"
            : $"public readonly partial struct {name} : global::System.IEquatable<{name}>");

        w.Line($"/// <summary>Creates a <see cref=\"{name}\"/> from its members.</summary>");
        EmitMemberParameterDocs(w, members);
        w.Open($"public {name}({ParameterList(members)})");
        foreach (var member in members)
        {
            w.Line($"this.{member.Name} = {member.Name};");
        }

        w.Close();
        foreach (var member in members)
        {
            w.Line();
            w.Line($"/// <summary><c>{Xml(member.Abi.Name)}</c> (<c>{member.Abi.Type}</c>)</summary>");
            w.Line($"public {member.CSharpType} {member.Name} {{ get; }}");
        }

        if (members.Count > 0)
        {
            w.Line();
            w.Line("/// <summary>Deconstructs the value into its members, in ABI order.</summary>");
            EmitMemberParameterDocs(w, members);
            w.Open($"public void Deconstruct({string.Join(", ", members.Select(m => $"out {m.CSharpType} {m.Name}"))})");
            foreach (var member in members)
            {
                w.Line($"{member.Name} = this.{member.Name};");
            }

            w.Close();
        }

        if (body is not null)
        {
            w.Line();
            body(w);
        }

        var contentEquality = members.Any(m => NeedsContentComparer(m.CSharpType));
        w.Line();
        w.Line(contentEquality ? "/// <summary>Equal when every member is: bytes and lists compare by content.</summary>" : "/// <summary>Equal when every member is.</summary>");
        var terms = members.Select(MemberEquals).ToList();
        if (isClass)
        {
            terms.Insert(0, "other is not null");
        }

        w.Line($"public bool Equals({nullableName} other) =>");
        w.Line($"    {(terms.Count == 0 ? "true" : string.Join(" && ", terms))};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(isClass
            ? $"public override bool Equals(object? obj) => Equals(obj as {name});"
            : $"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        EmitHashCode(w, members);
        w.Line();
        w.Line($"/// <summary>Whether <paramref name=\"left\"/> and <paramref name=\"right\"/> are equal.</summary>");
        w.Line(isClass
            ? $"public static bool operator ==({nullableName} left, {nullableName} right) => left is null ? right is null : left.Equals(right);"
            : $"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Line($"/// <summary>Whether <paramref name=\"left\"/> and <paramref name=\"right\"/> differ.</summary>");
        w.Line($"public static bool operator !=({nullableName} left, {nullableName} right) => !(left == right);");
        w.Line();
        w.Line("/// <summary>The type's name and its members, as a record prints itself.</summary>");
        w.Line(members.Count == 0
            ? $"public override string ToString() => \"{name} {{ }}\";"
            : $"public override string ToString() => $\"{name} {{{{ {string.Join(", ", members.Select(m => $"{m.Name} = {{{m.Name}}}"))} }}}}\";");
        w.Close().Line();
    }

    private static void EmitMemberParameterDocs(SourceWriter w, EquatableArray<BoundParameter> members)
    {
        foreach (var member in members)
        {
            w.Line($"/// <param name=\"{member.Name}\"><c>{Xml(member.Abi.Name)}</c> (<c>{member.Abi.Type}</c>)</param>");
        }
    }
}
