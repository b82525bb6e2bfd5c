using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>Generated builders refuse values that do not fit their ABI type, naming the parameter (never a silent truncation).</summary>
public class ArgumentCheckTests
{
    private static readonly Type AllTypes = CompiledCorpus.Binding("AllTypes.json");
    private static readonly Type Calldata = AllTypes.GetNestedType("Calldata")!;

    private static object?[] ElementaryArgs(Dictionary<string, object>? overrides = null)
    {
        var values = new Dictionary<string, object>
        {
            ["a"] = Address.Zero, ["b"] = true, ["u8"] = (byte)1, ["u16"] = (ushort)1, ["u24"] = 1u, ["u32"] = 1u, ["u40"] = 1UL, ["u64"] = 1UL,
            ["u72"] = BigInteger.One, ["u128"] = BigInteger.One, ["u160"] = BigInteger.One, ["u256"] = BigInteger.One,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            values[key] = value;
        }

        return [.. Method("Elementary").GetParameters().Select(p => values[p.Name!])];
    }

    [Theory]
    [InlineData("u24", 1u << 24)]
    [InlineData("u40", 1UL << 40)]
    public void Non_native_unsigned_widths_are_range_checked(string parameter, object tooLarge)
    {
        Invoke("Elementary", ElementaryArgs()); // the default values are fine
        var error = Assert.IsType<ArgumentOutOfRangeException>(Catch("Elementary", ElementaryArgs(new() { [parameter] = tooLarge })));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Largest_values_of_non_native_widths_are_accepted() =>
        Invoke("Elementary", ElementaryArgs(new() { ["u24"] = (1u << 24) - 1, ["u40"] = (1UL << 40) - 1, ["u72"] = (BigInteger.One << 72) - 1 }));

    [Theory]
    [InlineData("u72", 72)]
    [InlineData("u160", 160)]
    public void Big_unsigned_values_are_range_checked(string parameter, int bits)
    {
        Assert.Equal(parameter, Assert.IsType<ArgumentOutOfRangeException>(Catch("Elementary", ElementaryArgs(new() { [parameter] = BigInteger.One << bits }))).ParamName);
        Assert.Equal(parameter, Assert.IsType<ArgumentOutOfRangeException>(Catch("Elementary", ElementaryArgs(new() { [parameter] = BigInteger.MinusOne }))).ParamName);
    }

    [Fact]
    public void Signed_non_native_widths_are_range_checked()
    {
        var parameters = Method("Signed").GetParameters();
        object?[] Args(int i24, long i48) => [.. parameters.Select(p => p.Name switch
        {
            "i24" => (object)i24,
            "i48" => i48,
            _ => p.ParameterType == typeof(BigInteger) ? BigInteger.Zero : Convert.ChangeType(0, p.ParameterType, System.Globalization.CultureInfo.InvariantCulture),
        })];

        Invoke("Signed", Args(-(1 << 23), (1L << 47) - 1));
        Assert.Equal("i24", Assert.IsType<ArgumentOutOfRangeException>(Catch("Signed", Args(-(1 << 23) - 1, 0))).ParamName);
        Assert.Equal("i48", Assert.IsType<ArgumentOutOfRangeException>(Catch("Signed", Args(0, 1L << 47))).ParamName);
    }

    [Fact]
    public void Fixed_bytes_must_have_exactly_their_length()
    {
        var parameters = Method("FixedBytes").GetParameters();
        object?[] Args(int b4Length) => [.. parameters.Select(p => p.ParameterType == typeof(Bytes32)
            ? (object)Bytes32.Zero
            : new ReadOnlyMemory<byte>(new byte[p.Name == "b4" ? b4Length : int.Parse(p.Name![1..], System.Globalization.CultureInfo.InvariantCulture)]))];

        Invoke("FixedBytes", Args(4));
        Assert.Equal("b4", Assert.IsType<ArgumentException>(Catch("FixedBytes", Args(3))).ParamName);
        Assert.Equal("b4", Assert.IsType<ArgumentException>(Catch("FixedBytes", Args(5))).ParamName);
    }

    [Fact]
    public void Nulls_fixed_array_lengths_and_elements_are_checked_with_their_path()
    {
        var method = Method("DynamicValues");
        object?[] Args(string? text, BigInteger[] numbers) =>
            [ReadOnlyMemory<byte>.Empty, text, numbers, Array.Empty<Address>(), Array.Empty<ReadOnlyMemory<byte>>(), Array.Empty<string>()];

        Invoke("DynamicValues", Args("ok", [BigInteger.One]));
        Assert.Equal("text", Assert.IsType<ArgumentNullException>(Catch("DynamicValues", Args(null, []))).ParamName);
        Assert.Equal("numbers[1]", Assert.IsType<ArgumentOutOfRangeException>(Catch("DynamicValues", Args("", [BigInteger.One, BigInteger.MinusOne]))).ParamName);
        Assert.NotNull(method);
    }

    [Fact]
    public void Struct_members_are_checked_with_their_path()
    {
        var method = Method("Tuples");
        var staticType = AllTypes.GetNestedType("Static")!;
        var dynamicType = AllTypes.GetNestedType("Dynamic")!;
        var nestedType = AllTypes.GetNestedType("Nested")!;
        object Static(BigInteger amount) => Activator.CreateInstance(staticType, Address.Zero, amount, false, Bytes32.Zero)!;
        object Dynamic() => Activator.CreateInstance(dynamicType, BigInteger.Zero, ReadOnlyMemory<byte>.Empty, "x")!;
        Array ArrayOf(Type type, params object[] items)
        {
            var array = Array.CreateInstance(type, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        object?[] Args(BigInteger amount) =>
        [
            Static(amount), Dynamic(), ArrayOf(dynamicType), ArrayOf(staticType, Static(0), Static(0)),
            Activator.CreateInstance(nestedType, Static(0), ArrayOf(dynamicType, Dynamic()), Array.Empty<ushort>()), ArrayOf(nestedType),
        ];

        Invoke("Tuples", Args(BigInteger.One << 95));
        Assert.Equal("s.Amount", Assert.IsType<ArgumentOutOfRangeException>(Catch("Tuples", Args(BigInteger.One << 96))).ParamName);
        Assert.NotNull(method);
    }

    [Fact]
    public void The_payable_value_must_be_a_uint256()
    {
        var builder = AllTypes.GetMethod("PayableMix")!;
        var error = Assert.IsType<ArgumentOutOfRangeException>(Unwrap(() => builder.Invoke(null, [Address.Zero, BigInteger.One, ReadOnlyMemory<byte>.Empty, BigInteger.MinusOne])));
        Assert.Equal("value", error.ParamName);
    }

    private static MethodInfo Method(string name) =>
        Calldata.GetMethods().Single(m => m.Name == name && m.ReturnType == typeof(byte[]));

    private static byte[] Invoke(string name, object?[] args) => (byte[])Method(name).Invoke(null, args)!;

    private static Exception? Catch(string name, object?[] args) => Unwrap(() => Invoke(name, args));

    private static Exception? Unwrap(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }
}
