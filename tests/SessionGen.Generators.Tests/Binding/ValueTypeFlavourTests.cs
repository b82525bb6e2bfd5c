using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>
/// The C# 9 value types (plain structs and classes written out) behave like the C# 10 records they stand for: same
/// constructor, properties and <c>Deconstruct</c>, same equality (bytes and lists by content), hash, <c>==</c>/<c>!=</c>
/// and <c>ToString</c>. Both flavours are generated from one ABI, compiled, loaded and compared value by value.
/// </summary>
public sealed class ValueTypeFlavourTests
{
    private const string Abi = """
        [
          {"type":"function","name":"quote","stateMutability":"view",
           "inputs":[{"name":"order","type":"tuple","internalType":"struct Book.Order","components":[{"name":"maker","type":"address"},{"name":"amounts","type":"uint256[]"},{"name":"data","type":"bytes"}]}],
           "outputs":[{"name":"amount","type":"uint256"},{"name":"proof","type":"bytes"}]},
          {"type":"error","name":"Rejected","inputs":[{"name":"reason","type":"bytes"},{"name":"code","type":"uint256"}]},
          {"type":"error","name":"Paused","inputs":[]},
          {"type":"event","name":"Filled","anonymous":false,"inputs":[{"name":"maker","type":"address","indexed":true},{"name":"orders","type":"tuple[]","indexed":false,"internalType":"struct Book.Order[]","components":[{"name":"maker","type":"address"},{"name":"amounts","type":"uint256[]"},{"name":"data","type":"bytes"}]}]}
        ]
        """;

    private static readonly Type Records = Load(csharp9: false);
    private static readonly Type Explicit = Load(csharp9: true);

    private static readonly string[] Names = Records.GetNestedTypes().Where(IsValueType).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> ValueTypes() => new(Names);

    [Fact]
    public void Both_flavours_have_the_same_value_types()
    {
        Assert.Equal(["FilledEvent", "Order", "PausedError", "QuoteResult", "RejectedError"], Names);
        Assert.Equal(Names, Explicit.GetNestedTypes().Where(IsValueType).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(Explicit.GetNestedTypes().Where(IsValueType), t => Assert.Null(t.GetMethod("<Clone>$"))); // not records
    }

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void A_C_sharp_9_value_type_has_the_shape_of_its_record(string name)
    {
        var record = Records.GetNestedType(name)!;
        var plain = Explicit.GetNestedType(name)!;

        Assert.Equal(record.IsValueType, plain.IsValueType);
        Assert.Equal(Signature(record.GetConstructors().Single(c => !IsCopyConstructor(c))), Signature(plain.GetConstructors().Single()));
        Assert.Equal(Signature(record.GetMethod("Deconstruct")), Signature(plain.GetMethod("Deconstruct")));
        Assert.Equal(
            record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{p.PropertyType.Name} {p.Name}").Order(StringComparer.Ordinal),
            plain.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{p.PropertyType.Name} {p.Name}").Order(StringComparer.Ordinal));
        Assert.Equal(record.GetInterfaces().Select(i => i.Name).Order(StringComparer.Ordinal), plain.GetInterfaces().Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(plain.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => Assert.Null(p.SetMethod)); // no init-only setters
    }

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void A_C_sharp_9_value_type_compares_hashes_and_prints_like_its_record(string name)
    {
        foreach (var type in new[] { Records.GetNestedType(name)!, Explicit.GetNestedType(name)! })
        {
            // Equal content in distinct arrays: equal, same hash, == true, != false.
            var a = Create(type, seed: 1);
            var b = Create(type, seed: 1);
            Assert.True(a.Equals(b), $"{type.FullName}: equal content is not Equals");
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.True(Operator(type, "op_Equality", a, b));
            Assert.False(Operator(type, "op_Inequality", a, b));

            if (type.GetConstructors()[0].GetParameters().Length > 0)
            {
                var c = Create(type, seed: 2);
                Assert.False(a.Equals(c), $"{type.FullName}: different content is Equals");
                Assert.False(Operator(type, "op_Equality", a, c));
                Assert.True(Operator(type, "op_Inequality", a, c));
            }

            Assert.False(a.Equals(null));
            if (!type.IsValueType)
            {
                Assert.False(Operator(type, "op_Equality", a, null));
                Assert.True(Operator(type, "op_Equality", null, null));
            }
        }

        Assert.Equal(Create(Records.GetNestedType(name)!, 1).ToString(), Create(Explicit.GetNestedType(name)!, 1).ToString());
    }

    [Fact]
    public void A_C_sharp_9_struct_deconstructs_into_its_members()
    {
        var order = Create(Explicit.GetNestedType("Order")!, seed: 3);
        var arguments = new object?[3];
        order.GetType().GetMethod("Deconstruct")!.Invoke(order, arguments);
        Assert.Equal(order.GetType().GetProperty("Maker")!.GetValue(order), arguments[0]);
        Assert.Same(order.GetType().GetProperty("Amounts")!.GetValue(order), arguments[1]);
        Assert.Equal(new byte[] { 3, 4, 5 }, ((ReadOnlyMemory<byte>)arguments[2]!).ToArray());
    }

    private static bool IsValueType(Type type) => type.Name != "AbiCodec" && !type.IsAbstract && type.GetMethod("Equals", [type]) is not null;

    private static bool IsCopyConstructor(ConstructorInfo constructor) =>
        constructor.GetParameters() is [var only] && only.ParameterType == constructor.DeclaringType;

    private static string Signature(MethodBase? method) =>
        method is null ? "(none)" : string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));

    private static bool Operator(Type type, string name, object? left, object? right) =>
        (bool)type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [left, right])!;

    /// <summary>A value whose content depends only on <paramref name="seed"/>, with fresh arrays each time.</summary>
    private static object Create(Type type, int seed) =>
        type.GetConstructors().Single(c => !IsCopyConstructor(c)).Invoke(type.GetConstructors().Single(c => !IsCopyConstructor(c)).GetParameters().Select(p => Value(p.ParameterType, seed)).ToArray());

    private static object Value(Type type, int seed)
    {
        if (type == typeof(Address))
        {
            return Address.Parse("0x" + seed.ToString("x40", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (type == typeof(BigInteger))
        {
            return new BigInteger(seed * 1000);
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>([(byte)seed, (byte)(seed + 1), (byte)(seed + 2)]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 2);
            array.SetValue(Value(element, seed), 0);
            array.SetValue(Value(element, seed + 1), 1);
            return array;
        }

        return Create(type, seed); // a tuple struct
    }

    private static Type Load(bool csharp9)
    {
        var source = "namespace Book\n{\n[SessionGen.ContractAbi(\"abis/Book.json\")]\npublic partial class Book { }\n}\n";
        var run = GeneratorHarness.Run(
                [new ContractBinding.ContractBindingGenerator()],
                GeneratorHarness.CreateCompilation([source], parseOptions: csharp9 ? GeneratorHarness.CSharp9 : GeneratorHarness.ParseOptions),
                [(GeneratorHarness.ProjectDirectory + "abis/Book.json", Abi)])
            .AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
        Assert.Equal(csharp9, !run.Source("Book.Book.ContractAbi.g.cs").Contains("partial record ", StringComparison.Ordinal));
        return run.EmitAndLoad().GetType("Book.Book")!;
    }
}
