using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CsCheck;
using SessionGen.Generators.Amounts;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

public sealed class AmountLiteralTests
{
    private static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    [Theory]
    [InlineData("0", "0")]
    [InlineData("100e6", "100000000")]
    [InlineData("1_000_000", "1000000")]
    [InlineData("1.5e6", "1500000")]
    [InlineData("1E18", "1000000000000000000")]
    [InlineData("1e+3", "1000")]
    [InlineData("1000e-3", "1")]
    [InlineData("0e99999999999", "0")]
    [InlineData("0x5f5e100", "100000000")]
    [InlineData("0XFF_FF", "65535")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "1")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Accepts_exact_integers(string text, string expected)
    {
        Assert.True(AmountLiteral.TryParse(text, out var value, out var error), error);
        Assert.Equal(BigInteger.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData(" 1", "whitespace")]
    [InlineData("1 ", "whitespace")]
    [InlineData("-1", "negative")]
    [InlineData("1.5", "fractional")]
    [InlineData("1e-1", "fractional")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936", "2^256-1")]
    [InlineData("0x1_0000000000000000000000000000000000000000000000000000000000000000", "2^256-1")]
    [InlineData("2e77", "2^256-1")]
    [InlineData("1e99999999999999999999", "2^256-1")]
    [InlineData("1__0", "separator")]
    [InlineData("_1", "separator")]
    [InlineData("1_", "separator")]
    [InlineData("0x", "hexadecimal digits")]
    [InlineData("0x_1", "separator")]
    [InlineData("+1", "unexpected character '+'")]
    [InlineData("1e", "exponent has no digits")]
    [InlineData("1e5e3", "exponent")]
    [InlineData(".5", "digits")]
    [InlineData("1.e5", "digits")]
    [InlineData("1.2.3", "unexpected character '.'")]
    [InlineData("100 USDC", "whitespace")]
    [InlineData("0x12g", "unexpected character 'g'")]
    [InlineData("١٢", "unexpected character")]
    public void Rejects_with_a_reason(string? text, string reasonFragment)
    {
        Assert.False(AmountLiteral.TryParse(text, out _, out var error));
        Assert.Contains(reasonFragment, error);
    }

    [Fact]
    public void Random_strings_are_accepted_exactly_as_the_reference_grammar_says_or_rejected()
    {
        var valid = 0;
        var characters = Gen.Char["0123456789_.eE+-xXaf "].Array[0, 24].Select(chars => new string(chars));
        // Near-valid strings built from literal fragments, so that a good share is accepted and compared.
        var fragments = Gen.OneOf(Gen.Const("0"), Gen.Const("1"), Gen.Const("9"), Gen.Const("00"), Gen.Const("123"), Gen.Const("_"),
                Gen.Const("."), Gen.Const("e"), Gen.Const("e-"), Gen.Const("e+"), Gen.Const("0x"), Gen.Const("ff"), Gen.Const("-"), Gen.Const(" "),
                Gen.Const("99999999999999999999"), Gen.Const("e70"), Gen.Const("e-30"))
            .Array[1, 10].Select(parts => string.Concat(parts));
        Gen.OneOf(characters, fragments)
            .Sample(text =>
            {
                if (Reference(text).HasValue)
                {
                    Interlocked.Increment(ref valid);
                }

                var expected = Reference(text);
                var accepted = AmountLiteral.TryParse(text, out var value, out var error);
                Assert.True(expected.HasValue == accepted, $"'{text}': parser {(accepted ? "accepted " + value : "rejected (" + error + ")")}, reference {(expected.HasValue ? "accepts " + expected : "rejects")}");
                if (accepted)
                {
                    Assert.Equal(expected!.Value, value);
                }
                else
                {
                    Assert.False(string.IsNullOrEmpty(error));
                }
            }, iter: 200_000);
        Assert.True(valid > 10_000, $"only {valid} of 200000 samples were valid amounts");
    }

    /// <summary>uint256 values: random words, ulongs, powers of ten, all-ones of every width.</summary>
    internal static readonly Gen<BigInteger> UInt256 = Gen.OneOf(
        Gen.Byte.Array[32].Select(bytes => new BigInteger(bytes, isUnsigned: true)),
        Gen.ULong.Select(v => new BigInteger(v)),
        Gen.Int[0, 77].Select(e => BigInteger.Pow(10, e)),
        Gen.Int[0, 255].Select(bit => (BigInteger.One << bit) - 1));

    [Fact]
    public void Every_uint256_round_trips_through_every_notation()
    {
        Gen.Select(UInt256, Gen.Int[1, 5], Gen.Int[0, 6]).Sample((value, group, notation) =>
        {
            var text = Render(value, group, notation);
            Assert.True(AmountLiteral.TryParse(text, out var parsed, out var error), $"'{text}': {error}");
            Assert.Equal(value, parsed);
        }, iter: 20_000);
    }

    [Fact]
    public void Values_beyond_uint256_are_rejected_in_every_notation()
    {
        var beyond = Gen.Byte.Array[1, 40].Select(bytes => Max + 1 + new BigInteger(bytes, isUnsigned: true));
        Gen.Select(beyond, Gen.Int[1, 5], Gen.Int[0, 6]).Sample((value, group, notation) =>
        {
            var text = Render(value, group, notation);
            Assert.False(AmountLiteral.TryParse(text, out _, out var error), text);
            Assert.Contains("2^256-1", error);
        }, iter: 5_000);
    }

    [Fact]
    public void Negative_values_are_rejected() =>
        Gen.Byte.Array[1, 32].Select(bytes => new BigInteger(bytes, isUnsigned: true) + 1).Sample(value =>
        {
            Assert.False(AmountLiteral.TryParse("-" + value.ToString(CultureInfo.InvariantCulture), out _, out var error));
            Assert.Contains("negative", error);
        });

    /// <summary>Notations: plain, grouped, hex, grouped hex, trailing zeros moved into an exponent, a decimal point with a compensating exponent, a negative exponent over appended zeros.</summary>
    internal static string Render(BigInteger value, int group, int notation)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        switch (notation)
        {
            case 0: return digits;
            case 1: return Group(digits, group);
            case 2: return "0x" + value.ToString("x", CultureInfo.InvariantCulture);
            case 3: return "0X" + Group(value.ToString("X", CultureInfo.InvariantCulture), group);
            case 4:
                var significand = digits.TrimEnd('0');
                return significand.Length == 0 ? "0e5" : significand + "e" + (digits.Length - significand.Length).ToString(CultureInfo.InvariantCulture);
            case 5:
                return digits.Length == 1 ? digits + ".0e0" : digits[0] + "." + digits.Substring(1) + "e" + (digits.Length - 1).ToString(CultureInfo.InvariantCulture);
            default:
                return digits + new string('0', group) + "e-" + group.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Group(string digits, int size)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % size == 0)
            {
                builder.Append('_');
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    private static readonly Regex DecimalGrammar = new(@"^(?<int>[0-9]+(_[0-9]+)*)(\.(?<frac>[0-9]+(_[0-9]+)*))?([eE](?<exp>[+-]?[0-9]+))?$", RegexOptions.CultureInvariant);
    private static readonly Regex HexGrammar = new(@"^0[xX](?<hex>[0-9a-fA-F]+(_[0-9a-fA-F]+)*)$", RegexOptions.CultureInvariant);

    /// <summary>An independent reading of the grammar: regular expressions and BigInteger division with remainder.</summary>
    private static BigInteger? Reference(string text)
    {
        var hex = HexGrammar.Match(text);
        if (hex.Success)
        {
            var v = BigInteger.Parse("0" + hex.Groups["hex"].Value.Replace("_", ""), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return v <= Max ? v : null;
        }

        var m = DecimalGrammar.Match(text);
        if (!m.Success)
        {
            return null;
        }

        var frac = m.Groups["frac"].Value.Replace("_", "");
        var n = BigInteger.Parse(m.Groups["int"].Value.Replace("_", "") + frac, CultureInfo.InvariantCulture);
        var exp = m.Groups["exp"].Success ? BigInteger.Parse(m.Groups["exp"].Value, CultureInfo.InvariantCulture) : BigInteger.Zero;
        var scale = exp - frac.Length;
        if (n.IsZero)
        {
            return BigInteger.Zero;
        }

        if (scale >= 0)
        {
            return scale > 100 ? null : n * BigInteger.Pow(10, (int)scale) is var up && up <= Max ? up : null;
        }

        if (-scale > text.Length)
        {
            return null; // n has fewer digits than the divisor: fractional
        }

        var quotient = BigInteger.DivRem(n, BigInteger.Pow(10, (int)-scale), out var remainder);
        return remainder.IsZero && quotient <= Max ? quotient : null;
    }
}
