using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading;
using CsCheck;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using SessionGen.Abi;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using AbiReader = SessionGen.Generators.Abi.AbiReader;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>
/// For random values of every ABI type, the generated decoders (function return data, custom errors, events) read back
/// what Nethereum's encoder wrote, and agree with Nethereum's decoder on the same bytes. The corpus is the repository's
/// ABIs plus a fixture derived from the all-types fixture the encoder tests use (each of its parameter lists as a
/// function's outputs, an error's arguments, an event's data and an event's indexed topics).
/// </summary>
public class DecodingPropertyTests(ITestOutputHelper output)
{
    private const int CasesPerDecoder = 40;
    private static readonly Lazy<(Assembly Assembly, List<(string File, string Json)> Abis)> s_compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static TheoryData<string> Files => new(Abis().Select(a => a.File));

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_decoders_read_what_Nethereum_encodes_and_agree_with_Nethereums_decoder(string file)
    {
        var (assembly, abis) = s_compiled.Value;
        var json = abis.Single(a => a.File == file).Json;
        var className = CompiledCorpus.ClassName(file);
        var binding = assembly.GetType("Contracts." + className, throwOnError: true)!;
        var model = ContractBinder.Bind(
            new TypeHierarchy("Contracts", Helpers.EquatableArray.ToEquatableArray([new TypeDeclarationInfo("class", className)]), className),
            "abis/" + file, AbiReader.Read(file, json).Abi!, null).Model!;
        var nethereum = NethereumOracle.Read(json);
        var encoder = new ParametersEncoder();
        var decoder = new ParameterDecoder();
        int returns = 0, errors = 0, events = 0;

        foreach (var function in model.Functions.Where(f => f.ResultType is not null))
        {
            var parameters = nethereum.Functions.Single(f => NethereumOracle.Selector(f.Sha3Signature) == function.Abi.Selector).OutputParameters;
            var decode = SpanFunction(binding.GetNestedType("Returns")!.GetMethod(function.SelectorName)!);
            var types = function.Outputs.Select(o => o.Abi.TypeInfo).ToArray();
            Check(types, parameters, encoder, decoder, values => encoder.EncodeParameters(parameters, values), (data, values) =>
            {
                var result = decode(data);
                var actual = function.ResultRecordName is null
                    ? [FromClr(types[0], result)]
                    : function.Outputs.Select((o, i) => FromClr(types[i], result.GetType().GetProperty(o.Name)!.GetValue(result)!)).ToArray();
                AssertSame(values, actual);
                Interlocked.Increment(ref returns);
            });
        }

        var tryDecode = binding.GetNestedType("Errors") is { } errorsClass ? TryDecodeFunction(errorsClass.GetMethod("TryDecode")!) : null;
        foreach (var error in model.Errors)
        {
            var parameters = nethereum.Errors.Single(e => NethereumOracle.Selector(e.Sha3Signature) == error.Abi.Selector).InputParameters;
            var record = binding.GetNestedType(error.RecordName)!;
            var decode = SpanFunction(record.GetMethod("Decode")!);
            var types = error.Members.Select(m => m.Abi.TypeInfo).ToArray();
            Check(types, parameters, encoder, decoder, values => [.. BitConverter.GetBytes(error.Abi.Selector).Reverse(), .. encoder.EncodeParameters(parameters, values)], (data, values) =>
            {
                var decoded = decode(data);
                AssertSame(values, error.Members.Select((m, i) => FromClr(types[i], record.GetProperty(m.Name)!.GetValue(decoded)!)).ToArray());
                Assert.True(tryDecode!(data, out var viaErrors));
                Assert.Equal(decoded, viaErrors);
                Assert.Equal(error.Abi.CanonicalSignature, ((ICustomError)decoded).Signature);
                Interlocked.Increment(ref errors);
            }, skipSelector: true);
        }

        foreach (var @event in model.Events)
        {
            var record = binding.GetNestedType(@event.RecordName)!;
            var decode = record.GetMethod("Decode")!;
            var definition = nethereum.Events.Single(e => e.Name == @event.Abi.Name && e.InputParameters.Length == @event.Members.Count
                && e.InputParameters.Select(p => p.Indexed).SequenceEqual(@event.Abi.Indexed));
            var dataParameters = definition.InputParameters.Where(p => !p.Indexed).ToArray();
            var types = @event.Members.Select(m => m.Member.Abi.TypeInfo).ToArray();
            var call = EventFunction(decode);
            AbiValues.Sequence(types.Select(AbiValues.For)).Sample(values =>
            {
                var topics = new List<Bytes32>();
                if (!@event.Abi.IsAnonymous)
                {
                    topics.Add((Bytes32)record.GetProperty("Topic")!.GetValue(null)!);
                }

                var hashed = new Dictionary<int, Bytes32>();
                for (var i = 0; i < types.Length; i++)
                {
                    if (@event.Members[i].TopicIndex < 0)
                    {
                        continue;
                    }

                    // A hashed topic is opaque to the decoder: any 32 bytes stand for the hash.
                    var topic = @event.Members[i].IsHashed
                        ? new Bytes32(Nethereum.Util.Sha3Keccack.Current.CalculateHash(BitConverter.GetBytes(i * 7919 + values.Length)))
                        : new Bytes32(encoder.EncodeParameters([definition.InputParameters[i]], AbiValues.ToNethereum(types[i], values[i])));
                    hashed[i] = topic;
                    topics.Add(topic);
                }

                var data = encoder.EncodeParameters(dataParameters, [.. values.Select((v, i) => (v, i)).Where(x => @event.Members[x.i].TopicIndex < 0).Select(x => AbiValues.ToNethereum(types[x.i], x.v))]);
                var decoded = call(topics, data);
                for (var i = 0; i < types.Length; i++)
                {
                    var member = record.GetProperty(@event.Members[i].Member.Name)!.GetValue(decoded)!;
                    if (@event.Members[i].IsHashed)
                    {
                        Assert.Equal(hashed[i], (Bytes32)member);
                    }
                    else
                    {
                        AssertSame(values[i], FromClr(types[i], member));
                    }
                }

                // Nethereum's event decoder reads the same log the same way. It decodes every topic as the value itself, so it
                // cannot read an event with a hashed (indexed dynamic) input: those events are checked against the values only.
                if (@event.Members.Any(m => m.IsHashed))
                {
                    Interlocked.Increment(ref events);
                    return;
                }

                var log = new Nethereum.RPC.Eth.DTOs.FilterLog { Topics = [.. topics.Select(t => (object)t.ToString())], Data = "0x" + Convert.ToHexString(data) };
                var theirs = new EventTopicDecoder(@event.Abi.IsAnonymous).DecodeDefaultTopics(definition, log.Topics, log.Data);
                for (var i = 0; i < types.Length; i++)
                {
                    if (!@event.Members[i].IsHashed)
                    {
                        AssertSame(values[i], FromNethereum(types[i], theirs.Single(o => o.Parameter.Order == definition.InputParameters[i].Order).Result));
                    }
                }

                Interlocked.Increment(ref events);
            }, iter: CasesPerDecoder, threads: 1);
        }

        output.WriteLine($"{file}: {returns} return-data, {errors} error and {events} event cases compared with Nethereum");
        Assert.Equal(CasesPerDecoder * (model.Functions.Count(f => f.ResultType is not null) + model.Errors.Count + model.Events.Count), returns + errors + events);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Truncated_or_corrupted_data_is_refused_with_an_AbiDecodingException_never_another_exception(string file)
    {
        var (assembly, abis) = s_compiled.Value;
        var json = abis.Single(a => a.File == file).Json;
        var className = CompiledCorpus.ClassName(file);
        var binding = assembly.GetType("Contracts." + className, throwOnError: true)!;
        var model = ContractBinder.Bind(
            new TypeHierarchy("Contracts", Helpers.EquatableArray.ToEquatableArray([new TypeDeclarationInfo("class", className)]), className),
            "abis/" + file, AbiReader.Read(file, json).Abi!, null).Model!;
        var nethereum = NethereumOracle.Read(json);
        var encoder = new ParametersEncoder();
        int refused = 0, cases = 0;
        foreach (var function in model.Functions.Where(f => f.ResultType is not null))
        {
            var parameters = nethereum.Functions.Single(f => NethereumOracle.Selector(f.Sha3Signature) == function.Abi.Selector).OutputParameters;
            var decode = SpanFunction(binding.GetNestedType("Returns")!.GetMethod(function.SelectorName)!);
            var types = function.Outputs.Select(o => o.Abi.TypeInfo).ToArray();
            Gen.Select(AbiValues.Sequence(types.Select(AbiValues.For)), Gen.Int[0, int.MaxValue], Gen.Byte).Sample((values, where, junk) =>
            {
                var data = encoder.EncodeParameters(parameters, [.. values.Select((v, i) => AbiValues.ToNethereum(types[i], v))]);
                foreach (var bad in new[] { data[..(where % data.Length)], Corrupt(data, where % data.Length, junk), Corrupt(data, (where % Math.Max(1, data.Length / 32)) * 32 + 31, 0xFF) })
                {
                    cases++;
                    try
                    {
                        decode(bad);
                    }
                    catch (TargetInvocationException e) when (e.InnerException is AbiDecodingException)
                    {
                        refused++;
                    }
                }
            }, iter: CasesPerDecoder / 2, threads: 1);
        }

        output.WriteLine($"{file}: {cases} bad inputs, {refused} refused with AbiDecodingException, the rest decoded (a corruption can still be a valid encoding)");
        Assert.True(cases == 0 || refused > cases / 4, $"only {refused} of {cases} bad inputs were refused");
    }

    private static byte[] Corrupt(byte[] data, int at, byte value)
    {
        var copy = (byte[])data.Clone();
        if (at < copy.Length)
        {
            copy[at] = value;
        }

        return copy;
    }

    private static void Check(AbiTypeInfo[] types, Parameter[] parameters, ParametersEncoder encoder, ParameterDecoder decoder, Func<object[], byte[]> encode, Action<byte[], object[]> check, bool skipSelector = false)
    {
        AbiValues.Sequence(types.Select(AbiValues.For)).Sample(values =>
        {
            var data = encode([.. values.Select((v, i) => AbiValues.ToNethereum(types[i], v))]);
            check(data, values);
            var theirs = decoder.DecodeDefaultData(skipSelector ? data[4..] : data, parameters);
            AssertSame(values, theirs.OrderBy(o => o.Parameter.Order).Select((o, i) => FromNethereum(types[i], o.Result)).ToArray());
        }, iter: CasesPerDecoder, threads: 1);
    }

    /// <summary>A value as the generated API returns it, in the neutral form of <see cref="AbiValues"/>.</summary>
    private static object FromClr(AbiTypeInfo type, object value) => type.Kind switch
    {
        AbiTypeKind.Address => ((Address)value).ToArray(),
        AbiTypeKind.FixedBytes when type.Size == 32 => ((Bytes32)value).ToArray(),
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => ((ReadOnlyMemory<byte>)value).ToArray(),
        AbiTypeKind.UInt or AbiTypeKind.Int => value switch
        {
            BigInteger big => big,
            ulong u => new BigInteger(u),
            _ => new BigInteger(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        },
        AbiTypeKind.Array or AbiTypeKind.FixedArray => ((IEnumerable)value).Cast<object>().Select(v => FromClr(type.Element!, v)).ToList(),
        AbiTypeKind.Tuple => PrimaryConstructor(value.GetType(), type.Components.Count).GetParameters()
            .Select((p, i) => FromClr(type.Components[i].TypeInfo, value.GetType().GetProperty(p.Name!)!.GetValue(value)!)).ToArray(),
        _ => value,
    };

    /// <summary>A value as Nethereum's decoder returns it, in the neutral form of <see cref="AbiValues"/>.</summary>
    private static object FromNethereum(AbiTypeInfo type, object value) => type.Kind switch
    {
        AbiTypeKind.Address => Convert.FromHexString(((string)value)[2..].PadLeft(40, '0')),
        AbiTypeKind.UInt or AbiTypeKind.Int => value is BigInteger big ? big : new BigInteger(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
        AbiTypeKind.Array or AbiTypeKind.FixedArray => ((IEnumerable)value).Cast<object>().Select(v => FromNethereum(type.Element!, v)).ToList(),
        AbiTypeKind.Tuple => ((IEnumerable<ParameterOutput>)value).OrderBy(o => o.Parameter.Order).Select((o, i) => FromNethereum(type.Components[i].TypeInfo, o.Result)).ToArray(),
        _ => value,
    };

    private static ConstructorInfo PrimaryConstructor(Type type, int count) =>
        type.GetConstructors().Single(c => c.GetParameters().Length == count && !(count == 1 && c.GetParameters()[0].ParameterType == type));

    private static void AssertSame(object expected, object actual)
    {
        switch (expected)
        {
            case byte[] bytes:
                Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString((byte[])actual));
                break;
            case object[] items:
                var others = (object[])actual;
                Assert.Equal(items.Length, others.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    AssertSame(items[i], others[i]);
                }

                break;
            case List<object> list:
                var otherList = (List<object>)actual;
                Assert.Equal(list.Count, otherList.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    AssertSame(list[i], otherList[i]);
                }

                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    // ReadOnlySpan<byte> cannot be boxed for MethodInfo.Invoke: call through delegates built for the exact signatures
    // (exceptions are wrapped in TargetInvocationException, as Invoke does, so that tests can tell them apart).
    private static Func<byte[], object> SpanFunction(MethodInfo method)
    {
        var data = Expression.Parameter(typeof(byte[]), "data");
        var call = Expression.Call(method, ToSpan(data));
        var compiled = Expression.Lambda<Func<byte[], object>>(Expression.Convert(call, typeof(object)), data).Compile();
        return bytes =>
        {
            try
            {
                return compiled(bytes);
            }
            catch (Exception e)
            {
                throw new TargetInvocationException(e);
            }
        };
    }

    private delegate bool TryDecodeDelegate(byte[] data, out ICustomError? error);

    private static TryDecodeDelegate TryDecodeFunction(MethodInfo method)
    {
        var data = Expression.Parameter(typeof(byte[]), "data");
        var error = Expression.Parameter(typeof(ICustomError).MakeByRefType(), "error");
        return Expression.Lambda<TryDecodeDelegate>(Expression.Call(method, ToSpan(data), error), data, error).Compile();
    }

    private static Func<IReadOnlyList<Bytes32>, byte[], object> EventFunction(MethodInfo method)
    {
        var topics = Expression.Parameter(typeof(IReadOnlyList<Bytes32>), "topics");
        var data = Expression.Parameter(typeof(byte[]), "data");
        return Expression.Lambda<Func<IReadOnlyList<Bytes32>, byte[], object>>(Expression.Convert(Expression.Call(method, topics, ToSpan(data)), typeof(object)), topics, data).Compile();
    }

    private static UnaryExpression ToSpan(ParameterExpression bytes) =>
        Expression.Convert(bytes, typeof(ReadOnlySpan<byte>), typeof(ReadOnlySpan<byte>).GetMethod("op_Implicit", [typeof(byte[])]));

    /// <summary>The repository's ABIs and the decoding fixture derived from the all-types fixture (which has no outputs, errors or events of its own).</summary>
    private static List<(string File, string Json)> Abis() => [.. CompiledCorpus.Abis().Where(a => a.File != "AllTypes.json"), ("AllTypesDecoding.json", DecodingFixture())];

    /// <summary>Each parameter list of the all-types fixture as a view function's outputs, an error, an event's data and (up to three) indexed topics.</summary>
    internal static string DecodingFixture()
    {
        var entries = new JsonArray();
        foreach (var function in JsonNode.Parse(BindingHarness.ReadFixture("AllTypes.json"))!.AsArray().Where(f => f!["inputs"]!.AsArray().Count > 0))
        {
            var name = (string)function!["name"]!;
            var inputs = function["inputs"]!;
            entries.Add(new JsonObject { ["type"] = "function", ["name"] = name + "Returns", ["stateMutability"] = "view", ["inputs"] = new JsonArray(), ["outputs"] = inputs.DeepClone() });
            entries.Add(new JsonObject { ["type"] = "error", ["name"] = name + "Failed", ["inputs"] = inputs.DeepClone() });
            // Nethereum's ABI reader wants 'indexed' on every event input.
            var logged = inputs.DeepClone().AsArray();
            var indexed = inputs.DeepClone().AsArray();
            for (var i = 0; i < indexed.Count; i++)
            {
                logged[i]!["indexed"] = false;
                indexed[i]!["indexed"] = i < 3;
            }

            entries.Add(new JsonObject { ["type"] = "event", ["name"] = name + "Logged", ["anonymous"] = false, ["inputs"] = logged });

            entries.Add(new JsonObject { ["type"] = "event", ["name"] = name + "Indexed", ["anonymous"] = false, ["inputs"] = indexed });
        }

        return entries.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static (Assembly, List<(string, string)>) Compile()
    {
        var abis = Abis();
        var run = GeneratorHarness.Run(
            [new ContractBindingGenerator()],
            GeneratorHarness.CreateCompilation(abis.Select(a => BindingHarness.Source(CompiledCorpus.ClassName(a.File), a.File)), "DecodingCorpus"),
            abis.Select(a => (GeneratorHarness.ProjectDirectory + "abis/" + a.File, a.Json)));
        run.AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
        return (run.EmitAndLoad(), abis);
    }
}
