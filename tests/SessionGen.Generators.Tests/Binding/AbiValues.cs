using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CsCheck;
using SessionGen.Generators.Abi;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>
/// Random ABI values for property tests, in a neutral form (integers as BigInteger, addresses and bytes as
/// byte[], tuples as object[], arrays as List&lt;object&gt;), converted to Nethereum's inputs and to the
/// generated C# types.
/// </summary>
internal static class AbiValues
{
    public static Gen<object> For(AbiTypeInfo type) => type.Kind switch
    {
        AbiTypeKind.Address => Gen.Byte.Array[20].Select(b => (object)b),
        AbiTypeKind.Bool => Gen.Bool.Select(b => (object)b),
        AbiTypeKind.UInt => Gen.OneOf(
            Gen.Byte.Array[type.Size / 8].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true)),
            Gen.Const(BigInteger.Zero),
            Gen.Const((BigInteger.One << type.Size) - 1)).Select(v => (object)v),
        AbiTypeKind.Int => Gen.OneOf(
            Gen.Byte.Array[type.Size / 8].Select(b => new BigInteger(b, isUnsigned: false, isBigEndian: true)),
            Gen.Const(BigInteger.MinusOne),
            Gen.Const(-(BigInteger.One << (type.Size - 1))),
            Gen.Const((BigInteger.One << (type.Size - 1)) - 1)).Select(v => (object)v),
        AbiTypeKind.FixedBytes => Gen.Byte.Array[type.Size].Select(b => (object)b),
        AbiTypeKind.Bytes => Gen.Byte.Array[0, 80].Select(b => (object)b),
        // No lone surrogates: their UTF-8 form is a replacement character, not a property of the ABI.
        AbiTypeKind.String => Gen.String[Gen.Char['\u0000', '\uD7FF'], 0, 40].Select(s => (object)s),
        AbiTypeKind.Array => For(type.Element!).List[0, 3].Select(l => (object)l),
        AbiTypeKind.FixedArray => For(type.Element!).List[type.Size, type.Size].Select(l => (object)l),
        _ => Sequence(type.Components.Select(c => For(c.TypeInfo))).Select(a => (object)a),
    };

    /// <summary>One value per parameter.</summary>
    public static Gen<object[]> Sequence(IEnumerable<Gen<object>> gens) =>
        gens.Aggregate(
            Gen.Const(ImmutableListOf()),
            (acc, gen) => acc.SelectMany(list => gen.Select(value => list.Append(value).ToArray())));

    private static object[] ImmutableListOf() => [];

    /// <summary>The value as Nethereum's encoder takes it.</summary>
    public static object ToNethereum(AbiTypeInfo type, object value) => type.Kind switch
    {
        AbiTypeKind.Address => "0x" + Convert.ToHexString((byte[])value).ToLowerInvariant(),
        AbiTypeKind.Array or AbiTypeKind.FixedArray => ((List<object>)value).Select(v => ToNethereum(type.Element!, v)).ToList(),
        AbiTypeKind.Tuple => ((object[])value).Select((v, i) => ToNethereum(type.Components[i].TypeInfo, v)).ToArray(),
        _ => value,
    };

    /// <summary>The value as the generated C# API takes it (<paramref name="target"/> is the parameter's type).</summary>
    public static object? ToClr(AbiTypeInfo type, object value, Type target)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Address:
                return new Address((byte[])value);
            case AbiTypeKind.FixedBytes when type.Size == 32:
                return new Bytes32((byte[])value);
            case AbiTypeKind.FixedBytes or AbiTypeKind.Bytes:
                return new ReadOnlyMemory<byte>((byte[])value);
            case AbiTypeKind.UInt when target != typeof(BigInteger):
                return Convert.ChangeType((ulong)(BigInteger)value, target, System.Globalization.CultureInfo.InvariantCulture);
            case AbiTypeKind.Int when target != typeof(BigInteger):
                return Convert.ChangeType((long)(BigInteger)value, target, System.Globalization.CultureInfo.InvariantCulture);
            case AbiTypeKind.Array or AbiTypeKind.FixedArray:
                var elementType = target.GetGenericArguments()[0];
                var items = (List<object>)value;
                var array = Array.CreateInstance(elementType, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    array.SetValue(ToClr(type.Element!, items[i], elementType), i);
                }

                return array;
            case AbiTypeKind.Tuple:
                var constructor = target.GetConstructors().Single(c => c.GetParameters().Length == type.Components.Count);
                var parameters = constructor.GetParameters();
                var members = (object[])value;
                return constructor.Invoke([.. members.Select((m, i) => ToClr(type.Components[i].TypeInfo, m, parameters[i].ParameterType))]);
            default:
                return value;
        }
    }
}
