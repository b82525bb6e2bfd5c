using System;

namespace SessionGen.Abi;

/// <summary>
/// ABI-encoded data that is not a valid encoding of the expected types: too short, an offset or a length that points
/// outside the data, or a word that is not the canonical encoding of its type.
/// </summary>
public sealed class AbiDecodingException : FormatException
{
    /// <summary>Creates the exception for bad data at <paramref name="position"/>.</summary>
    public AbiDecodingException(string message, int position)
        : base(message) => Position = position;

    /// <summary>Creates the exception with a message only.</summary>
    public AbiDecodingException(string message)
        : base(message) => Position = -1;

    /// <summary>Creates the exception with no details.</summary>
    public AbiDecodingException()
        : this("The data is not a valid ABI encoding.")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public AbiDecodingException(string message, Exception innerException)
        : base(message, innerException) => Position = -1;

    /// <summary>The byte position in the data where the problem is (-1 when not known).</summary>
    public int Position { get; }
}
