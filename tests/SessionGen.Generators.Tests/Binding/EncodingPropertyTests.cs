using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Threading;
using CsCheck;
using Nethereum.ABI.FunctionEncoding;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>
/// For random values of every ABI type, the generated builders' calldata equals Nethereum's encoding
/// (FunctionCallEncoder with the Parameter definitions Nethereum reads from the same ABI file).
/// </summary>
public class EncodingPropertyTests(ITestOutputHelper output)
{
    private const int CasesPerFunction = 60;

    public static TheoryData<string> Files => new(CompiledCorpus.Abis().Select(a => a.File));

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_calldata_equals_Nethereums_encoding(string file)
    {
        var (assembly, abis) = CompiledCorpus.Value;
        var json = abis.Single(a => a.File == file).Json;
        var className = ClassName(file);
        var binding = assembly.GetType("Contracts." + className, throwOnError: true)!;
        var calldata = binding.GetNestedType("Calldata")!;
        var nethereum = NethereumOracle.Read(json).Functions.ToDictionary(f => NethereumOracle.Selector(f.Sha3Signature));
        var model = BindingModel(className, file, json);
        var encoder = new FunctionCallEncoder();
        var cases = 0;

        foreach (var function in model.Functions)
        {
            var inputs = function.Abi.Inputs.Select(p => p.TypeInfo).ToArray();
            var signature = function.Parameters.Select(p => p.CSharpType).ToArray();
            var arrayForm = FindMethod(calldata, function.MethodName, signature, skip: 0);
            var spanForm = FindMethod(calldata, function.MethodName, signature, skip: 1, first: typeof(Span<byte>));
            var lengthMethod = FindMethod(calldata, "Get" + function.MethodName + "Length", signature, skip: 0);
            var callBuilder = FindMethod(binding, function.MethodName, signature, skip: 1, first: typeof(Address), trailing: function.Abi.IsPayable ? 1 : 0);
            var types = arrayForm.GetParameters().Select(p => p.ParameterType).ToArray();
            var definition = nethereum[function.Abi.Selector];

            AbiValues.Sequence(inputs.Select(AbiValues.For)).Sample(values =>
            {
                var clr = values.Select((v, i) => AbiValues.ToClr(inputs[i], v, types[i])).ToArray();
                var expected = Convert.FromHexString(encoder.EncodeRequest(definition.Sha3Signature, definition.InputParameters, [.. values.Select((v, i) => AbiValues.ToNethereum(inputs[i], v))])[2..]);

                var actual = (byte[])arrayForm.Invoke(null, clr)!;
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
                Assert.Equal(expected.Length, (int)lengthMethod.Invoke(null, clr)!);

                var call = (Call)callBuilder.Invoke(null, [TestAddress, .. clr, .. function.Abi.IsPayable ? new object[] { new BigInteger(7) } : []])!;
                Assert.Equal(TestAddress, call.Target);
                Assert.Equal(function.Abi.IsPayable ? 7 : 0, (int)call.Value);
                Assert.Equal(expected, call.Data.ToArray());

                Interlocked.Increment(ref cases);
            }, iter: CasesPerFunction, threads: 1);

            // The span form writes the same bytes into a larger buffer and says how many.
            var buffer = new byte[(int)lengthMethod.Invoke(null, [.. Defaults(inputs, types)])! + 16];
            Assert.Equal(buffer.Length - 16, InvokeSpanForm(spanForm, buffer, Defaults(inputs, types)));
        }

        output.WriteLine($"{file}: {model.Functions.Count} functions, {cases} cases compared with Nethereum");
        Assert.Equal(model.Functions.Count * CasesPerFunction, cases);
    }

    private static readonly Address TestAddress = Address.Parse("0x00000000000000000000000000000000000000aa");

    /// <summary>The smallest valid arguments (empty arrays, fixed arrays of zeros, …).</summary>
    private static object?[] Defaults(AbiTypeInfo[] inputs, Type[] types) =>
        [.. inputs.Select((t, i) => AbiValues.ToClr(t, Zero(t), types[i]))];

    private static object Zero(AbiTypeInfo type) => type.Kind switch
    {
        AbiTypeKind.Address => new byte[20],
        AbiTypeKind.Bool => false,
        AbiTypeKind.UInt or AbiTypeKind.Int => BigInteger.Zero,
        AbiTypeKind.FixedBytes => new byte[type.Size],
        AbiTypeKind.Bytes => Array.Empty<byte>(),
        AbiTypeKind.String => string.Empty,
        AbiTypeKind.Array => new List<object>(),
        AbiTypeKind.FixedArray => Enumerable.Range(0, type.Size).Select(_ => Zero(type.Element!)).ToList(),
        _ => type.Components.Select(c => Zero(c.TypeInfo)).ToArray(),
    };

    // Span<byte> cannot be boxed for MethodInfo.Invoke; call through a delegate built for the exact signature.
    private static int InvokeSpanForm(MethodInfo method, byte[] buffer, object?[] arguments)
    {
        var spanParameter = System.Linq.Expressions.Expression.Parameter(typeof(byte[]), "buffer");
        var argumentParameters = method.GetParameters().Skip(1).Select((p, i) => System.Linq.Expressions.Expression.Constant(arguments[i], p.ParameterType));
        var call = System.Linq.Expressions.Expression.Call(
            method,
            [System.Linq.Expressions.Expression.Convert(spanParameter, typeof(Span<byte>), typeof(Span<byte>).GetMethod("op_Implicit", [typeof(byte[])])), .. argumentParameters]);
        return System.Linq.Expressions.Expression.Lambda<Func<byte[], int>>(call, spanParameter).Compile()(buffer);
    }

    /// <summary>The overload whose parameters after the first <paramref name="skip"/> have the binder's C# types.</summary>
    private static MethodInfo FindMethod(Type type, string name, string[] csharpTypes, int skip, Type? first = null, int trailing = 0) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
            m.Name == name
            && m.GetParameters().Length == skip + csharpTypes.Length + trailing
            && (first is null || m.GetParameters()[0].ParameterType == first)
            && m.GetParameters().Skip(skip).Take(csharpTypes.Length).Select(p => CSharpName(p.ParameterType)).SequenceEqual(csharpTypes));

    private static string CSharpName(Type type) => type switch
    {
        _ when type == typeof(byte) => "byte",
        _ when type == typeof(ushort) => "ushort",
        _ when type == typeof(uint) => "uint",
        _ when type == typeof(ulong) => "ulong",
        _ when type == typeof(sbyte) => "sbyte",
        _ when type == typeof(short) => "short",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(string) => "string",
        _ when type == typeof(ReadOnlyMemory<byte>) => "global::System.ReadOnlyMemory<byte>",
        { IsGenericType: true } => $"global::System.Collections.Generic.IReadOnlyList<{CSharpName(type.GetGenericArguments()[0])}>",
        { IsNested: true } => type.Name,
        _ => "global::" + type.FullName,
    };

    private static ContractBindingModel BindingModel(string className, string file, string json)
    {
        var type = new TypeHierarchy("Contracts", Helpers.EquatableArray.ToEquatableArray([new TypeDeclarationInfo("class", className)]), className);
        return ContractBinder.Bind(type, "abis/" + file, AbiReader.Read(file, json).Abi!, null).Model!;
    }

    private static string ClassName(string file) => CompiledCorpus.ClassName(file);
}
