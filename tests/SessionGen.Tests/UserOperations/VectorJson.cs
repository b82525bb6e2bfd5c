using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace SessionGen.Tests;

/// <summary>Reads the hex strings and decimal big numbers the vector scripts print.</summary>
internal static class VectorJson
{
    public static string Text(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static byte[] Bytes(this JsonElement e, string name) => Hex.Decode(e.Text(name));

    public static BigInteger Big(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? BigInteger.Parse(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!, CultureInfo.InvariantCulture) : BigInteger.Zero;

    public static Address Addr(this JsonElement e, string name) => Address.Parse(e.Text(name));

    public static Address? OptionalAddr(this JsonElement e, string name) => e.TryGetProperty(name, out var value) ? Address.Parse(value.GetString()!) : null;

    public static byte[] OptionalBytes(this JsonElement e, string name) => e.TryGetProperty(name, out var value) ? Hex.Decode(value.GetString()!) : [];
}
