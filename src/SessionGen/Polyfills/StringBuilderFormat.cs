#if !NET8_0_OR_GREATER
using System;
using System.Text;

namespace SessionGen;

/// <summary>
/// <c>StringBuilder.Append(IFormatProvider, interpolated string)</c> (.NET 6) for netstandard2.1: the same text, formatted
/// with the given provider, through a <see cref="FormattableString"/>.
/// </summary>
internal static class StringBuilderFormat
{
    public static StringBuilder Append(this StringBuilder builder, IFormatProvider provider, FormattableString text) =>
        builder.Append(text.ToString(provider));
}
#endif
