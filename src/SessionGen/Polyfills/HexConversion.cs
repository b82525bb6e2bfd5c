#if !NET8_0_OR_GREATER
using System;

namespace SessionGen;

/// <summary>
/// <c>Convert.ToHexString</c> and <c>Convert.FromHexString</c> (.NET 5) for netstandard2.1, with .NET's results:
/// uppercase digits out; an odd length or a non-hex digit in is a <see cref="FormatException"/>.
/// </summary>
internal static class HexConversion
{
    extension(Convert)
    {
        public static string ToHexString(ReadOnlySpan<byte> bytes)
        {
            const string Digits = "0123456789ABCDEF";
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }

        public static byte[] FromHexString(ReadOnlySpan<char> chars)
        {
            if (chars.Length % 2 != 0)
            {
                throw new FormatException("The input is not a valid hex string as its length is not a multiple of 2.");
            }

            var bytes = new byte[chars.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Digit(chars[2 * i]) << 4) | Digit(chars[(2 * i) + 1]));
            }

            return bytes;
        }
    }

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new FormatException("The input is not a valid hex string as it contains a non-hex character."),
    };
}
#endif
