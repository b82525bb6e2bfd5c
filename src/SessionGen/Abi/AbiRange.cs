using System;
using System.Numerics;

namespace SessionGen.Abi;

/// <summary>Range checks for ABI integers: a value that does not fit is an error, never silently truncated.</summary>
public static class AbiRange
{
    private static readonly BigInteger[] s_unsignedLimits = BuildLimits(0);
    private static readonly BigInteger[] s_signedLimits = BuildLimits(1);

    /// <summary>Throws unless <paramref name="value"/> is a valid <c>uint<paramref name="bits"/></c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or too large.</exception>
    public static void CheckUnsigned(BigInteger value, int bits, string? name = null)
    {
        CheckBits(bits);
        if (value.Sign < 0 || value >= s_unsignedLimits[bits / 8])
        {
            throw new ArgumentOutOfRangeException(name ?? nameof(value), value, $"The value does not fit in uint{bits} (0 to 2^{bits}-1).");
        }
    }

    /// <summary>Whether <paramref name="value"/> is a valid <c>uint<paramref name="bits"/></c> (no exception, no allocation).</summary>
    public static bool FitsUnsigned(BigInteger value, int bits)
    {
        CheckBits(bits);
        return value.Sign >= 0 && value < s_unsignedLimits[bits / 8];
    }

    /// <summary>Whether <paramref name="value"/> is a valid <c>int<paramref name="bits"/></c> (no exception, no allocation).</summary>
    public static bool FitsSigned(BigInteger value, int bits)
    {
        CheckBits(bits);
        var limit = s_signedLimits[bits / 8];
        return value < limit && value >= -limit;
    }

    /// <summary>Throws unless <paramref name="value"/> is a valid <c>int<paramref name="bits"/></c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside -2^(bits-1) … 2^(bits-1)-1.</exception>
    public static void CheckSigned(BigInteger value, int bits, string? name = null)
    {
        CheckBits(bits);
        var limit = s_signedLimits[bits / 8];
        if (value >= limit || value < -limit)
        {
            throw new ArgumentOutOfRangeException(name ?? nameof(value), value, $"The value does not fit in int{bits} (-2^{bits - 1} to 2^{bits - 1}-1).");
        }
    }

    private static void CheckBits(int bits)
    {
        if (bits < 8 || bits > 256 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "An ABI integer has 8 to 256 bits in steps of 8.");
        }
    }

    private static BigInteger[] BuildLimits(int signBit)
    {
        var limits = new BigInteger[33];
        for (var bytes = 1; bytes <= 32; bytes++)
        {
            limits[bytes] = BigInteger.One << ((bytes * 8) - signBit);
        }

        return limits;
    }
}
